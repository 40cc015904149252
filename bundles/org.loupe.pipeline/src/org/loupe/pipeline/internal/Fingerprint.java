package org.loupe.pipeline.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What identifies an item's outputs: the pipeline's text, the version of every provider it names, and the size and
 * modification time of the item's files (the input and its references). Equal fingerprints mean a rerun would compute
 * the same outputs, so the item is skipped.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The fingerprint of an item with the given run-wide part (pipeline and versions) and files. */
    public static String of(String runPart, List<Path> files) {
        StringBuilder sb = new StringBuilder(runPart);
        for (Path f : files) {
            sb.append('\n').append(f.toAbsolutePath().normalize());
            try {
                sb.append(' ').append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toMillis());
                if (Files.isDirectory(f)) {
                    // a DICOM series: a slice rewritten in place changes its own time, not the folder's
                    try (Stream<Path> inside = Files.list(f)) {
                        for (Path x : inside.sorted().toList()) {
                            sb.append('\n').append(x.getFileName()).append(' ').append(Files.size(x)).append(' ')
                                    .append(Files.getLastModifiedTime(x).toMillis());
                        }
                    }
                }
            } catch (IOException e) {
                sb.append(" missing"); // the run reports the missing file; the fingerprint only has to differ
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
