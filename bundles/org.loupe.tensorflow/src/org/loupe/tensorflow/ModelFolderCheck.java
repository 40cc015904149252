package org.loupe.tensorflow;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.loupe.api.LoupeException;

/**
 * What a model folder must be before any of it is parsed: only regular files and folders, none of them a symbolic
 * link (a model is read as it lies, never a file elsewhere that a link points to), and no larger in all than a
 * declared limit, since {@code saved_model.pb} is parsed whole into memory and its constants become TensorFlow's
 * buffers. The limit is 512 MB unless raised with {@code LOUPE_MODEL_MAX_MB} (or the system property
 * {@code loupe.model.maxMegabytes}) for a lab that trusts a larger model.
 */
final class ModelFolderCheck {

    /** The default limit on a model folder's files, in megabytes. */
    static final long DEFAULT_MAX_MB = 512;

    private ModelFolderCheck() {
    }

    /**
     * Refuses a folder with a symbolic link in it or more bytes than the limit.
     *
     * @throws LoupeException INPUT naming the folder
     */
    static void check(Path dir) throws LoupeException {
        long limit = maxMegabytes() * 1024 * 1024;
        long[] total = {0};
        Path[] link = {null};
        Path root;
        try {
            // the folder the user named may itself be a link (a lab's shortcut to its models); what is inside may not
            root = dir.toRealPath();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return visit(d, attrs);
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    return visit(f, attrs);
                }

                private FileVisitResult visit(Path p, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink() || attrs.isOther()) {
                        link[0] = p;
                        return FileVisitResult.TERMINATE;
                    }
                    total[0] += attrs.isRegularFile() ? attrs.size() : 0;
                    return total[0] > limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        if (link[0] != null) {
            throw LoupeException.badInput(dir.toString(), "holds " + root.relativize(link[0]) + ", which is "
                    + (Files.isSymbolicLink(link[0]) ? "a symbolic link" : "not a regular file or folder") + "; a "
                    + "model folder is read only as it lies, refusing to load it");
        }
        if (total[0] > limit) {
            throw LoupeException.badInput(dir.toString(), String.format(Locale.ROOT, "holds more than %d MB of "
                    + "files, over the model size limit (raise it with LOUPE_MODEL_MAX_MB for a model you trust)",
                    limit / (1024 * 1024)));
        }
    }

    /** The limit in megabytes: the system property, else the environment variable, else 512. */
    static long maxMegabytes() {
        String v = System.getProperty("loupe.model.maxMegabytes", System.getenv("LOUPE_MODEL_MAX_MB"));
        try {
            return v == null || v.isBlank() ? DEFAULT_MAX_MB : Math.max(1, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_MB;
        }
    }
}
