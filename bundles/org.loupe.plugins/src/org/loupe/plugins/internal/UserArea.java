package org.loupe.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.loupe.image.io.AtomicFiles;

/**
 * A user's own installation area beside a product they cannot write to: a copy of the product's p2 profile and
 * start list whose bundles point back into the product, so that p2 installs the user's plugins into the area and
 * writes a start list there that the launcher uses for that user (the product stays as it is, for everyone else).
 */
public final class UserArea {

    private static final String INFO = "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info";

    private UserArea() {
    }

    /** The area for {@code product} at {@code area}, made on first use. */
    public static Path prepare(Path product, Path area) throws IOException {
        if (Files.isDirectory(area.resolve("p2"))) {
            return area;
        }
        Path fresh = area.resolveSibling(area.getFileName() + ".new");
        Trees.delete(fresh);
        copy(product.resolve("p2"), fresh.resolve("p2"));
        if (Files.exists(product.resolve("eclipse.ini"))) {
            Files.copy(product.resolve("eclipse.ini"), fresh.resolve("eclipse.ini"));
        }
        Files.createDirectories(fresh.resolve(INFO).getParent());
        // what the product names relative to itself must still name the product from the area
        String plugins = product.resolve("plugins").toUri().toString().replace(":", "\\:");
        Files.writeString(fresh.resolve("configuration/config.ini"), Files.readString(product.resolve(
                "configuration/config.ini")).replace("file\\:plugins/", plugins));
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(product.resolve(INFO))) {
            String[] f = line.split(",", -1);
            if (line.startsWith("#") || f.length < 5 || f[2].contains(":")) {
                lines.add(line);
            } else {
                f[2] = product.resolve(f[2]).toUri().toString();
                lines.add(String.join(",", f));
            }
        }
        Files.write(fresh.resolve(INFO), lines);
        Files.createDirectories(fresh.resolve("plugins"));
        Files.createDirectories(fresh.resolve("features"));
        Files.writeString(fresh.resolve("product.txt"), product + "\n");
        Files.createDirectories(area.getParent());
        Files.move(fresh, area, StandardCopyOption.ATOMIC_MOVE);
        return area;
    }

    /**
     * Rewrites the area's start list with absolute locations. p2 writes them relative to the area, but the framework
     * reads them relative to the product it starts from.
     */
    public static void absolute(Path area) throws IOException {
        Path info = area.resolve(INFO);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(info)) {
            String[] f = line.split(",", -1);
            if (!line.startsWith("#") && f.length >= 5 && !f[2].contains(":")) {
                f[2] = area.resolve(f[2]).normalize().toUri().toString();
                line = String.join(",", f);
            }
            lines.add(line);
        }
        AtomicFiles.writeString(info, String.join("\n", lines) + "\n");
    }

    /** Whether this process may change the product folder itself. */
    public static boolean writable(Path product) {
        try {
            Path probe = Files.createTempFile(product.resolve("p2"), ".write", ".probe");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    /** Removes an area, so that the user runs the product's own plugins again. */
    public static void remove(Path area) throws IOException {
        if (Files.exists(area.resolve("product.txt"))) {
            Trees.delete(area);
        }
    }
}
