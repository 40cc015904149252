package org.loupe.plugins.internal;

import java.util.function.Consumer;
import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * Turns p2's progress into lines for a person: each new task or subtask name once ("Fetching
 * com.example.loupe.spots_1.1.0.jar"), never the same line twice in a row.
 */
public final class LineMonitor extends NullProgressMonitor {

    private final Consumer<String> lines;
    private String last = "";

    /** A monitor writing to {@code lines}. */
    public LineMonitor(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        say(name);
    }

    @Override
    public void setTaskName(String name) {
        say(name);
    }

    @Override
    public void subTask(String name) {
        say(name);
    }

    private synchronized void say(String name) {
        if (name != null && !name.isBlank() && !name.equals(last)) {
            last = name;
            lines.accept(name.strip());
        }
    }
}
