package org.loupe.detect.template.internal;

import java.util.List;
import java.util.Locale;
import org.loupe.api.LoupeException;
import org.loupe.image.FloatImages;
import org.loupe.image.PixelImage;

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
     * @param maxMismatch largest fraction of disagreeing pixels after alignment for a pair of the same board
     */
    record Settings(int radius, int minArea, double maxMismatch) {
        /** The defaults, tuned on DeepPCB's training pairs. */
        static final Settings DEFAULT = new Settings(4, 6, 0.12);
    }

    /**
     * Aligns and compares.
     *
     * @throws LoupeException INPUT, naming the template, when its size differs or it does not line up with the board
     */
    static TemplateComparison of(PixelImage board, PixelImage template, Settings s) throws LoupeException {
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
        double threshold = Board.otsu(grey);
        Board t = Board.of(grey, w, h, threshold);
        Board b = Board.of(FloatImages.brightness(board).data(), w, h, threshold);
        Registration.Shift shift = Registration.find(b, t, s.radius());
        if (shift.mismatch() > s.maxMismatch()) {
            throw LoupeException.badInput(name, String.format(Locale.ROOT, "does not line up with the board: %.1f%% "
                    + "of the pixels differ after the best shift (%d, %d) within %d px (at most %.1f%% expected); "
                    + "misaligned, or a template of another board", 100 * shift.mismatch(), shift.dx(), shift.dy(),
                    s.radius(), 100 * s.maxMismatch()));
        }
        return new TemplateComparison(b, t, shift, DifferenceComponents.find(b, t, shift, s.minArea()));
    }
}
