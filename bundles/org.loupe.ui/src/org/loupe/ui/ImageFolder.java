package org.loupe.ui;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFiles;

/**
 * The folder being browsed in the workbench: its image files, in name order, for the Folder view to list and step
 * through. Listeners hear about a new folder on the thread that opened it (the UI thread). One per workbench.
 */
@Creatable
@Singleton
public final class ImageFolder {

    /** The id of the Folder view in the application model. */
    public static final String PART_ID = "org.loupe.ui.part.folder";

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Path folder;
    private volatile List<Path> files = List.of();

    /** Starts hearing about a newly opened folder. */
    public void addListener(Runnable l) {
        listeners.add(l);
    }

    /** Stops hearing about folders. */
    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    /**
     * Lists a folder's image files (by extension; each is checked when opened).
     *
     * @throws LoupeException INPUT if the folder cannot be listed
     */
    public void open(Path dir) throws LoupeException {
        files = ImageFiles.list(dir);
        folder = dir;
        listeners.forEach(Runnable::run);
    }

    /** The folder, or null before one is opened. */
    public Path folder() {
        return folder;
    }

    /** Its image files in name order. */
    public List<Path> files() {
        return files;
    }

    /** The file {@code step} places after (or, negative, before) {@code current}, or null past either end. */
    public Path neighbour(Path current, int step) {
        int i = files.indexOf(current);
        int j = i + step;
        return i < 0 || j < 0 || j >= files.size() ? null : files.get(j);
    }
}
