package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.loupe.image.PixelImage;

/** Assertions on images that say where and by how much two images differ, not just that they do. */
public final class ImageAssertions {

    private ImageAssertions() {
    }

    /** Same type, size and bit-identical samples. */
    public static void assertSamePixels(PixelImage expected, PixelImage actual) {
        assertPixelsClose(expected, actual, 0);
    }

    /** Same type and size, and every sample within {@code tolerance}. */
    public static void assertPixelsClose(PixelImage expected, PixelImage actual, double tolerance) {
        assertEquals(expected.type(), actual.type(), "image type");
        assertEquals(expected.width() + "x" + expected.height(), actual.width() + "x" + actual.height(), "size");
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                for (int b = 0; b < expected.bands(); b++) {
                    double e = expected.getFloat(x, y, b);
                    double a = actual.getFloat(x, y, b);
                    if (!(Math.abs(e - a) <= tolerance) && !(Double.isNaN(e) && Double.isNaN(a))) {
                        fail("sample (" + x + ", " + y + ") band " + b + ": expected " + e + " but was " + a
                                + (tolerance > 0 ? " (tolerance " + tolerance + ")" : ""));
                    }
                }
            }
        }
    }

    /** Largest absolute difference between two images of the same size and band count. */
    public static double maxAbsDifference(PixelImage a, PixelImage b) {
        double max = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                for (int c = 0; c < a.bands(); c++) {
                    max = Math.max(max, Math.abs(a.getFloat(x, y, c) - b.getFloat(x, y, c)));
                }
            }
        }
        return max;
    }
}
