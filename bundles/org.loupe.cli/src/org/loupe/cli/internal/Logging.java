package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends Java logging to a file under the Loupe home folder instead of the console, so that a failing provider's
 * stack trace is kept for diagnosis while the user sees one clear line.
 */
final class Logging {

    private static final long MAX_BYTES = 5_000_000;

    private Logging() {
    }

    /** The Loupe home folder: {@code -Dloupe.home}, else {@code ~/.loupe}. */
    static Path home() {
        String configured = System.getProperty("loupe.home");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".loupe");
    }

    static Path logFile() {
        return home().resolve("logs").resolve("loupe.log");
    }

    /** Redirects the root logger to the log file; leaves logging as it was if the file cannot be opened. */
    static void toFile() {
        try {
            Files.createDirectories(logFile().getParent());
            // one generation kept beside the file; with more than one, the JDK would name the file loupe.log.0
            if (Files.isRegularFile(logFile()) && Files.size(logFile()) > MAX_BYTES) {
                Files.move(logFile(), logFile().resolveSibling("loupe.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            FileHandler file = new FileHandler(logFile().toString(), 0, 1, true);
            file.setFormatter(new SimpleFormatter());
            Logger root = Logger.getLogger("");
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
            root.addHandler(file);
            root.setLevel(Level.INFO);
        } catch (IOException | SecurityException e) {
            // an unwritable home folder must not stop the command; messages then go to the console as usual
        }
    }
}
