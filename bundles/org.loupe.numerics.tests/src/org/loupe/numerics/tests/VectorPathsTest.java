package org.loupe.numerics.tests;

import static org.loupe.numerics.tests.SimdSwitch.withVectors;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.numerics.filter.GaussianFilter;
import org.loupe.numerics.filter.SeparableFilter;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.SyntheticImages;

/**
 * The explicit vector paths give exactly what the plain-Java paths give, on widths below, at and beyond a vector
 * and with partial last vectors (the plain paths are checked against reference implementations elsewhere).
 */
class VectorPathsTest {

    static Stream<Arguments> images() {
        return Stream.of(ImageType.GRAY_U8, ImageType.GRAY_U16, ImageType.GRAY_F32, ImageType.RGB_U8)
                .flatMap(t -> Stream.of(7, 41, 150).map(w -> Arguments.of(t, w)));
    }

    private static PixelImage image(ImageType type, int width) {
        return SyntheticImages.withImpulses(SyntheticImages.scene(type, width, 37, width), 0.05, 3);
    }

    private static void same(VectorPathsTest.Op op) throws LoupeException {
        ImageAssertions.assertSamePixels(withVectors(false, op::run), withVectors(true, op::run));
    }

    /** An operation under test. */
    @FunctionalInterface
    interface Op {
        PixelImage run() throws LoupeException;
    }

    @ParameterizedTest(name = "{0} width {1}")
    @MethodSource("images")
    void gaussianAndAsymmetricSeparableFiltersAgree(ImageType type, int width) throws LoupeException {
        PixelImage src = image(type, width);
        same(() -> GaussianFilter.apply(src, 2.0, ProcessingContext.none()));
        same(() -> SeparableFilter.apply(src, new double[] {0.1, 0.2, 0.7}, "skewed", ProcessingContext.none()));
    }

    @ParameterizedTest(name = "{0} width {1}")
    @MethodSource("images")
    void bicubicResizesAgree(ImageType type, int width) throws LoupeException {
        PixelImage src = image(type, width);
        for (double scale : new double[] {2, 0.5, 3, 1 / 3.0, 0.77, 1.6}) {
            same(() -> Resize.byScale(src, scale, Interpolation.BICUBIC, ProcessingContext.none()));
        }
        same(() -> Resize.byScale(src, 0.5, Interpolation.BICUBIC, false, ProcessingContext.none()));
        same(() -> Resize.toSize(src, width * 2, 20, Interpolation.BILINEAR, true, ProcessingContext.none()));
    }
}
