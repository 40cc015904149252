package org.loupe.image.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.loupe.image.io.internal.TempFiles;

/**
 * Writes files so that readers only ever see the old content or the complete new content: data goes to a hidden
 * temporary file in the target's folder, is flushed to disk, then renamed over the target. If anything fails, the
 * temporary file is removed and the target is left as it was; if the process is interrupted (Ctrl-C, SIGTERM) its
 * temporary files are removed on the way out, and those a killed process left behind are swept by the next write
 * into their folder. The final file gets the permissions a plain write would give it: those of the file it replaces,
 * else the default of the process's umask.
 */
public final class AtomicFiles {

    /** Writes the content of one file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything; the stream is closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} atomically, creating parent folders as needed. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        if (SWEPT.add(dir)) {
            TempFiles.sweepStale(dir);
        }
        Path tmp = create(dir);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(ch)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            keepPermissions(absolute, tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            TempFiles.forget(tmp);
        }
    }

    /**
     * A new temporary file of a fixed short name (so it fits beside any legal file name) that says which process
     * made it; created as a plain new file is, so the umask decides its permissions.
     */
    private static Path create(Path dir) throws IOException {
        while (true) {
            Path tmp = dir.resolve(TempFiles.name(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())));
            TempFiles.remember(tmp);
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                TempFiles.forget(tmp);
            }
        }
    }

    /** A file that is replaced keeps its permissions, as it would under a plain write. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (old != null && Files.exists(target)) {
            Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Deletes a scratch folder this process made, with everything in it, ignoring failures: a leftover in the
     * temporary directory is harmless. Null does nothing.
     */
    public static void deleteScratch(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // see above: nothing depends on the folder being gone
        }
    }
}
