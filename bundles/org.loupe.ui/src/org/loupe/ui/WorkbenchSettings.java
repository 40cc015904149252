package org.loupe.ui;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.loupe.api.ComputeSettings;
import org.loupe.image.io.AtomicFiles;

/**
 * What the workbench remembers between sessions, in {@code workbench.properties} of Loupe's home folder
 * ({@code LOUPE_HOME}, by default {@code ~/.loupe}): the recently opened files and the {@link Choices} made in
 * File > Preferences. A file that cannot be read or written costs only the memory, never a session.
 */
@Creatable
@Singleton
public final class WorkbenchSettings {

    /** How many recent files are kept. */
    public static final int RECENT = 10;
    /** The pixel limit by default, as on the command line. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /**
     * What File > Preferences sets.
     *
     * @param memoryBudgetGb the memory a job may need, in GB; 0 means half the Java heap
     * @param maxPixels      the most pixels an image opened in the workbench may have
     * @param device         the devices learned providers may use
     * @param maxTile        the largest tile side a tiled model runs on; 0 for each model's own
     * @param openFolder     where Open dialogs start; null for the folder of the last file opened
     * @param saveFolder     where Save dialogs start before anything is saved; null for the input's folder
     */
    public record Choices(double memoryBudgetGb, long maxPixels, ComputeSettings.Device device, int maxTile,
            Path openFolder, Path saveFolder) {

        /** Refuses values no job could use. */
        public Choices {
            if (!(memoryBudgetGb >= 0) || maxPixels < 1 || device == null || maxTile < 0) {
                throw new IllegalArgumentException("budget " + memoryBudgetGb + " GB, limit " + maxPixels
                        + " pixels, device " + device + ", tile " + maxTile);
            }
        }
    }

    private static final Choices DEFAULTS = new Choices(0, DEFAULT_MAX_PIXELS, ComputeSettings.Device.AUTO, 0, null,
            null);

    private final Path file;
    private final List<Path> recent = new ArrayList<>();
    private Choices choices = DEFAULTS;

    /** Reads the settings file, if there is one. */
    public WorkbenchSettings() {
        String home = System.getProperty("loupe.home");
        file = home == null ? null : Path.of(home, "workbench.properties");
        if (file != null && Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
                choices = new Choices(Math.max(0, Double.parseDouble(p.getProperty("memoryBudgetGb", "0"))),
                        Math.max(1, Long.parseLong(p.getProperty("maxPixels", Long.toString(DEFAULT_MAX_PIXELS)))),
                        ComputeSettings.parseDevice(p.getProperty("device")),
                        ComputeSettings.parseTile(p.getProperty("maxTile")), folder(p.getProperty("openFolder")),
                        folder(p.getProperty("saveFolder")));
                for (int i = 0; i < RECENT && p.getProperty("recent." + i) != null; i++) {
                    recent.add(Path.of(p.getProperty("recent." + i)));
                }
            } catch (IOException | RuntimeException e) {
                // a damaged settings file: start from the defaults, and write good ones at the next change
            }
        }
    }

    /** The files opened lately, newest first, that still exist. */
    public synchronized List<Path> recentFiles() {
        return recent.stream().filter(Files::isRegularFile).toList();
    }

    /** Puts a file at the head of the recent files. */
    public synchronized void opened(Path path) {
        Path p = path.toAbsolutePath().normalize();
        recent.remove(p);
        recent.add(0, p);
        while (recent.size() > RECENT) {
            recent.remove(recent.size() - 1);
        }
        save();
    }

    /** The choices of File > Preferences. */
    public synchronized Choices choices() {
        return choices;
    }

    /** Makes and saves new choices. */
    public synchronized void set(Choices made) {
        choices = made;
        save();
    }

    /** The folder an Open dialog starts in: the chosen one, else the last opened file's, else none (the system's). */
    public synchronized Path openFolder() {
        if (choices.openFolder() != null) {
            return choices.openFolder();
        }
        return recentFiles().stream().findFirst().map(Path::getParent).orElse(null);
    }

    private static Path folder(String text) {
        return text == null || text.isBlank() ? null : Path.of(text);
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("memoryBudgetGb", Double.toString(choices.memoryBudgetGb()));
        p.setProperty("maxPixels", Long.toString(choices.maxPixels()));
        p.setProperty("device", choices.device().name().toLowerCase(Locale.ROOT));
        p.setProperty("maxTile", Integer.toString(choices.maxTile()));
        p.setProperty("openFolder", choices.openFolder() == null ? "" : choices.openFolder().toString());
        p.setProperty("saveFolder", choices.saveFolder() == null ? "" : choices.saveFolder().toString());
        for (int i = 0; i < recent.size(); i++) {
            p.setProperty("recent." + i, recent.get(i).toString());
        }
        try {
            StringWriter text = new StringWriter();
            p.store(text, "Loupe workbench settings");
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            // kept for this session only
        }
    }
}
