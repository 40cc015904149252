package org.loupe.data.internal;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;

/**
 * How a generated data set reaches its folder: only a new or empty folder is used, the set is made in a sibling
 * {@code .partial-PID} folder, and moved into place when complete, so an interrupted run never leaves half a set
 * where one is expected.
 */
public final class Staging {

    private Staging() {
    }

    /**
     * Checks that {@code out} is new or empty and returns the sibling folder to make the set in.
     *
     * @throws LoupeException USAGE for a folder that holds files
     */
    public static Path begin(Path out) throws LoupeException {
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw LoupeException.usage(out + " is not empty; choose a new folder (nothing is overwritten)");
                }
            } catch (IOException e) {
                throw LoupeException.badInput(out.toString(), "cannot be listed (" + e.getMessage() + ")", e);
            }
        }
        Path target = out.toAbsolutePath().normalize();
        return target.resolveSibling(target.getFileName() + ".partial-" + ProcessHandle.current().pid());
    }

    /** Writes the set's description ({@code file}, pretty JSON) and moves the finished set into place. */
    public static void finish(Path work, Path out, String file, Object description) throws IOException {
        AtomicFiles.writeString(work.resolve(file), new GsonBuilder().setPrettyPrinting().create()
                .toJson(description) + "\n");
        finish(work, out);
    }

    /** Moves the finished set into place. */
    public static void finish(Path work, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Files.deleteIfExists(target);
        Files.move(work, target);
    }
}
