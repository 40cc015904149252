package org.loupe.ui;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.loupe.image.io.AtomicFiles;

/**
 * What the workbench remembers between sessions, in {@code workbench.properties} of Loupe's home folder
 * ({@code LOUPE_HOME}, by default {@code ~/.loupe}): the recently opened files, the memory budget for a job and the
 * pixel limit for opening images. A file that cannot be read or written costs only the memory, never a session.
 */
@Creatable
@Singleton
public final class WorkbenchSettings {

    /** How many recent files are kept. */
    public static final int RECENT = 10;
    /** The pixel limit by default, as on the command line. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    private final Path file;
    private final List<Path> recent = new ArrayList<>();
    private double memoryBudgetGb;
    private long maxPixels = DEFAULT_MAX_PIXELS;

    /** Reads the settings file, if there is one. */
    public WorkbenchSettings() {
        String home = System.getProperty("loupe.home");
        file = home == null ? null : Path.of(home, "workbench.properties");
        if (file != null && Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
                memoryBudgetGb = Math.max(0, Double.parseDouble(p.getProperty("memoryBudgetGb", "0")));
                maxPixels = Math.max(1, Long.parseLong(p.getProperty("maxPixels", Long.toString(DEFAULT_MAX_PIXELS))));
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

    /** The memory budget for a job in GB; 0 means half the Java heap. */
    public synchronized double memoryBudgetGb() {
        return memoryBudgetGb;
    }

    /** The most pixels an image opened in the workbench may have. */
    public synchronized long maxPixels() {
        return maxPixels;
    }

    /** Sets the budget and the pixel limit, and saves them. */
    public synchronized void set(double budgetGb, long pixels) {
        if (!(budgetGb >= 0) || pixels < 1) {
            throw new IllegalArgumentException("budget " + budgetGb + " GB, limit " + pixels + " pixels");
        }
        memoryBudgetGb = budgetGb;
        maxPixels = pixels;
        save();
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("memoryBudgetGb", Double.toString(memoryBudgetGb));
        p.setProperty("maxPixels", Long.toString(maxPixels));
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
