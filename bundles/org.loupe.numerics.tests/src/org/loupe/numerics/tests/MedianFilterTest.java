package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loupe.numerics.tests.SimdSwitch.withVectors;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Simd;
import org.loupe.numerics.filter.MedianFilter;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.SyntheticImages;

class MedianFilterTest {

    static Stream<Arguments> typesAndSizes() {
        return Stream.of(ImageType.GRAY_U8, ImageType.GRAY_U16, ImageType.GRAY_F32, ImageType.RGB_U8)
                .flatMap(t -> Stream.of(1, 3, 5, 7, 9, 15).flatMap(k -> Stream.of(true, false)
                        .map(vectors -> Arguments.of(t, k, vectors))));
    }

    @ParameterizedTest(name = "{0} {1}x{1} vectors={2}")
    @MethodSource("typesAndSizes")
    void equalsTheSortedWindowMiddleWithReplicatedBorders(ImageType type, int size, boolean vectors)
            throws LoupeException {
        // widths below, at and beyond one 64-lane vector, with a partial last vector
        for (int width : new int[] {41, 150}) {
            PixelImage src = SyntheticImages.withImpulses(SyntheticImages.scene(type, width, 23, size), 0.1, 9);
            PixelImage out = withVectors(vectors, () -> MedianFilter.apply(src, size, ProcessingContext.none()));
            ImageAssertions.assertSamePixels(bruteForce(src, size), out);
        }
    }

    @Test
    void theVectorPathsAreOnInTheTestRuntime() {
        assertTrue(Simd.enabled(), "the test JVM lacks --add-modules=jdk.incubator.vector or the framework property "
                + "exporting it; the vector paths would go untested");
    }

    @Test
    void worksOnViewsWithoutReadingOutsideThem() throws LoupeException {
        PixelImage big = SyntheticImages.scene(ImageType.GRAY_U16, 60, 50, 4);
        PixelImage view = big.view(new org.loupe.image.Region(10, 5, 31, 27));
        ImageAssertions.assertSamePixels(bruteForce(view.copy(), 5),
                MedianFilter.apply(view, 5, ProcessingContext.none()));
    }

    @Test
    void removesIsolatedImpulsesFromAFlatSixteenBitImage() throws LoupeException {
        PixelImage flat = SyntheticImages.constant(ImageType.GRAY_U16, 32, 32, 3000);
        PixelImage noisy = SyntheticImages.withImpulses(flat, 0.05, 1);
        ImageAssertions.assertSamePixels(flat, MedianFilter.apply(noisy, 3, ProcessingContext.none()));
    }

    @Test
    void rejectsEvenWindows() {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U8, 8, 8, 1);
        assertThrows(IllegalArgumentException.class, () -> MedianFilter.apply(img, 4, ProcessingContext.none()));
    }

    @Test
    void aWindowLargerThanTheImageStillWorks() throws LoupeException {
        PixelImage img = SyntheticImages.scene(ImageType.GRAY_U8, 5, 4, 2);
        ImageAssertions.assertSamePixels(bruteForce(img, 11), MedianFilter.apply(img, 11, ProcessingContext.none()));
    }

    private static PixelImage bruteForce(PixelImage src, int size) {
        PixelImage out = src.blank(src.width(), src.height());
        int r = size / 2;
        float[] window = new float[size * size];
        for (int b = 0; b < src.bands(); b++) {
            for (int y = 0; y < src.height(); y++) {
                for (int x = 0; x < src.width(); x++) {
                    int k = 0;
                    for (int dy = -r; dy <= r; dy++) {
                        for (int dx = -r; dx <= r; dx++) {
                            int yy = Math.max(0, Math.min(src.height() - 1, y + dy));
                            int xx = Math.max(0, Math.min(src.width() - 1, x + dx));
                            window[k++] = src.getFloat(xx, yy, b);
                        }
                    }
                    Arrays.sort(window);
                    out.setFloat(x, y, b, window[window.length / 2]);
                }
            }
        }
        assertEquals(src.type(), out.type());
        return out;
    }
}
