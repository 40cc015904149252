package org.loupe.detect.template.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.loupe.image.FloatImages;
import org.loupe.image.PixelImage;
import org.loupe.numerics.stats.Otsu;

/**
 * The rule-based half of the detector: checks that the template fits the board (same size, aligned within the
 * search radius), then finds candidate defects in their difference. Detector and trainer share it, so the
 * classifier learns on exactly the candidates it will later judge.
 *
 * @param components candidate boxes {x1, y1, x2, y2}, exclusive ends, in board coordinates
 */
record TemplateComparison(Board test, Board template, Registration.Shift shift, List<int[]> components) {

    /**
     * How the comparison is tuned.
     *
     * @param radius      largest shift searched, in pixels
     * @param minArea     smallest candidate, in pixels after cleaning
     * @param maxMismatch   fraction of disagreeing pixels after alignment above which a pair is flagged as unusual
     *                      (detected all the same, with a warning)
     * @param refuseMismatch fraction above which the template clearly shows another board and is refused
     */
    record Settings(int radius, int minArea, double maxMismatch, double refuseMismatch) {
        /**
         * The defaults: the warning level tuned on DeepPCB's training pairs; the refusal level halfway between the
         * worst legitimate pair met (12.4 %) and templates of other boards (38 to 46 % on the bundled boards).
         */
        static final Settings DEFAULT = new Settings(4, 6, 0.12, 0.25);
    }

    /**
     * Aligns and compares.
     *
     * @param warnings told when the pair lines up worse than a pair of one board usually does
     * @throws LoupeException INPUT, naming the template, when its size differs or it clearly shows another board
     */
    static TemplateComparison of(PixelImage board, PixelImage template, Settings s, Consumer<String> warnings)
            throws LoupeException {
        String name = template.metadata().label("the template");
        if (board.width() != template.width() || board.height() != template.height()) {
            throw LoupeException.badInput(name, "is " + template.width() + "x" + template.height()
                    + " but the board " + board.metadata().label("") + " is " + board.width() + "x" + board.height()
                    + "; a template must show the same field of view");
        }
        if (board.width() <= 2 * (s.radius() + 8) || board.height() <= 2 * (s.radius() + 8)) {
            throw LoupeException.badInput(board.metadata().label("the board"), "is too small to compare (" + board.width()
                    + "x" + board.height() + ")");
        }
        int w = board.width();
        int h = board.height();
        float[] grey = FloatImages.brightness(template).data();
        double threshold = Otsu.threshold(grey);
        Board t = Board.of(grey, w, h, threshold);
        Board b = Board.of(FloatImages.brightness(board).data(), w, h, threshold);
        Registration.Shift shift = Registration.find(b, t, s.radius());
        if (shift.mismatch() > s.refuseMismatch()) {
            throw LoupeException.badInput(name, String.format(Locale.ROOT, "does not line up with the board: %.1f%% "
                    + "of the pixels differ after the best shift (%d, %d) within %d px (over %.1f%%: a template of "
                    + "another board, or badly misaligned)", 100 * shift.mismatch(), shift.dx(), shift.dy(),
                    s.radius(), 100 * s.refuseMismatch()));
        }
        if (shift.mismatch() > s.maxMismatch()) {
            warnings.accept(String.format(Locale.ROOT, "%s lines up with the board %s worse than usual: %.1f%% of the "
                    + "pixels differ after the best shift (%d, %d), above the %.1f%% of a typical pair; detected all "
                    + "the same, check the pair", name, board.metadata().label("the board"), 100 * shift.mismatch(),
                    shift.dx(), shift.dy(), 100 * s.maxMismatch()));
        }
        return new TemplateComparison(b, t, shift, DifferenceComponents.find(b, t, shift, s.minArea()));
    }
}
