package org.loupe.plugins;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;

/**
 * The update sites an installation knows, one URI per line in {@code configuration/org.loupe.plugins/sources.txt};
 * {@code update} looks for newer versions there as well as on each plugin's own site. Also turns what a user types
 * (a URL, a folder, a zipped site) into the URI p2 reads.
 */
public final class PluginSources {

    private final Path file;

    /** The sources of the installation in {@code folder}. */
    public PluginSources(Path folder) {
        this.file = folder.resolve("configuration/org.loupe.plugins/sources.txt");
    }

    /** The configured sources, in the order added. */
    public List<URI> list() throws LoupeException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<URI> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(URI.create(line.strip()));
                }
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw LoupeException.badInput(file.toString(), "unreadable list of sources: " + e.getMessage(), e);
        }
    }

    /** Adds a source (once); returns false when it was already there. */
    public boolean add(URI source) throws LoupeException {
        List<URI> all = new ArrayList<>(list());
        if (all.contains(source)) {
            return false;
        }
        all.add(source);
        write(all);
        return true;
    }

    /** Removes a source; returns false when it was not there. */
    public boolean remove(URI source) throws LoupeException {
        List<URI> all = new ArrayList<>(list());
        boolean removed = all.remove(source);
        if (removed) {
            write(all);
        }
        return removed;
    }

    /**
     * The URI of what a user named: a URL as given ({@code https:}, {@code http:}, {@code file:}, {@code jar:}), a
     * zipped site as {@code jar:file:...!/}, a folder as {@code file:}.
     */
    public static URI parse(String text) throws LoupeException {
        String t = text.strip();
        if (t.matches("(?i)(https?|file|jar):.*")) {
            try {
                return new URI(t);
            } catch (URISyntaxException e) {
                throw LoupeException.usage("not a URL: " + t);
            }
        }
        Path p = Path.of(t).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw LoupeException.badInput(t, "no such folder or file");
        }
        if (Files.isRegularFile(p)) {
            if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                throw LoupeException.badInput(t, "not an update site: give its folder, its URL or a .zip of it");
            }
            return URI.create("jar:" + p.toUri() + "!/");
        }
        return p.toUri();
    }

    private void write(List<URI> all) throws LoupeException {
        StringBuilder text = new StringBuilder("# update sites for 'loupe plugins update'; one per line\n");
        all.forEach(u -> text.append(u).append('\n'));
        try {
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot write the list of sources: " + e.getMessage(), e);
        }
    }
}
