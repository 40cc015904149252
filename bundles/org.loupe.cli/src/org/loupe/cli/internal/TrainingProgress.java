package org.loupe.cli.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.loupe.api.TrainingEvent;

/**
 * Prints training events as they come: a live table (a header, then one row per event, each flushed at once) with
 * the estimated time to finish, or one JSON object per line for scripts.
 */
final class TrainingProgress implements Consumer<TrainingEvent> {

    private static final String ROW = "%8s %15s %9s %9s %11s %9s %10s %11s%n";

    private final PrintWriter out;
    private final boolean json;
    private boolean header;

    TrainingProgress(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void accept(TrainingEvent e) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch());
            m.put("iteration", e.iteration());
            m.put("iterations", e.iterations());
            m.put("elapsedSeconds", e.elapsed().toMillis() / 1000.0);
            m.put("remainingSeconds", e.remaining().toMillis() / 1000.0);
            m.put("loss", e.loss());
            m.put("accuracy", e.accuracy());
            m.put("learningRate", e.learningRate());
            m.put("validationLoss", e.validationLoss());
            out.println(Json.LINE.toJson(m));
        } else {
            if (!header) {
                out.printf(ROW, "EPOCH", "ITERATION", "ELAPSED", "ETA", "LOSS", "ACCURACY", "LR", "VALIDATION");
                header = true;
            }
            out.printf(ROW, String.format("%.2f", e.epoch()), e.iteration() + "/" + e.iterations(),
                    clock(e.elapsed()), clock(e.remaining()), number(e.loss()), percent(e.accuracy()),
                    String.format("%.2e", e.learningRate()), number(e.validationLoss()));
        }
        out.flush();
    }

    /** h:mm:ss, or m:ss under an hour. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.5g", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.2f%%", 100 * v);
    }
}
