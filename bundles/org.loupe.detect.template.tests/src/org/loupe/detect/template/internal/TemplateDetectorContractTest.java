package org.loupe.detect.template.internal;

import org.junit.jupiter.api.AfterAll;
import org.loupe.api.DefectDetector;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.testing.DefectDetectorContract;

/** The template detector passes the detector contract on drawn boards of every image type. */
class TemplateDetectorContractTest extends DefectDetectorContract {

    private final TemplateDetector detector = new TemplateDetector();

    @Override
    protected DefectDetector detector() {
        return detector;
    }

    /** A board of traces with a short between two of them and a bite out of a third. */
    @Override
    protected PixelImage sample(ImageType type) {
        PixelImage board = reference(type);
        paint(board, 40, 30, 52, 36, true);
        paint(board, 86, 70, 92, 80, false);
        return board;
    }

    /** The same board without its defects. */
    @Override
    protected PixelImage reference(ImageType type) {
        PixelImage board = PixelImage.create(type, 128, 128);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                set(board, x, y, x % 16 < 6 || (y / 9) % 6 == 1);
            }
        }
        return board;
    }

    private static void paint(PixelImage board, int x1, int y1, int x2, int y2, boolean copper) {
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                set(board, x, y, copper);
            }
        }
    }

    private static void set(PixelImage board, int x, int y, boolean copper) {
        double max = board.type().pixelType().isInteger() ? board.type().pixelType().maxValue() : 1;
        for (int b = 0; b < board.bands(); b++) {
            board.setFloat(x, y, b, (float) ((copper ? 0.9 : 0.1) * max));
        }
    }

    @AfterAll
    void close() {
        detector.close();
    }
}
