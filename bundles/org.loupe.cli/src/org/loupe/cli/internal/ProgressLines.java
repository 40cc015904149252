package org.loupe.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import org.loupe.api.ProcessingContext;

/** Prints a provider's progress on standard error as a line per tenth done, so long work is never silent. */
final class ProgressLines implements ProcessingContext.ProgressListener {

    private final PrintWriter err;
    private final String subject;
    private int lastTenth;

    ProgressLines(PrintWriter err, String subject) {
        this.err = err;
        this.subject = subject;
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        int tenth = (int) Math.floor(fraction * 10 + 1e-9);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "%s: %3d%% %s%n", subject, tenth * 10, message);
            err.flush();
        }
    }
}
