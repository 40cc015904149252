package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.api.Segmenter;
import org.loupe.image.ImageType;
import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;

/**
 * What every {@link Segmenter} must do, as tests: a provider's test class extends this and returns the provider from
 * {@link #segmenter()}; override {@link #sample} to give it an image it can work on.
 */
public abstract class SegmenterContract extends ComparingProviderContract {

    /** The provider under test. */
    protected abstract Segmenter segmenter();

    /** An image of the given type to segment. */
    @Override
    protected PixelImage sample(ImageType type) {
        return SyntheticImages.scene(type, 96, 80, 7);
    }

    @Override
    final LoupeService provider() {
        return segmenter();
    }

    @Override
    final ProviderKind kind() {
        return ProviderKind.SEGMENTER;
    }

    @Override
    final Object run(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException {
        return segmenter().segment(image, ctx);
    }

    private LabelImage labels(ImageType type) throws LoupeException {
        return segmenter().segment(sample(type), ProcessingContext.of(parameters()));
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void labelsEveryPixelOfTheImageWithANamedLabel(ImageType type) throws LoupeException {
        PixelImage image = sample(type);
        LabelImage l = labels(type);
        assertEquals(image.width(), l.width());
        assertEquals(image.height(), l.height());
        assertTrue(l.names().size() >= 2, "a background and at least one label: " + l.names());
        for (int y = 0; y < l.height(); y++) {
            for (int x = 0; x < l.width(); x++) {
                int v = l.label(x, y);
                assertTrue(v >= 0 && v < l.names().size(), "label " + v + " at " + x + "," + y);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void labelsTheSameWayEveryTime(ImageType type) throws LoupeException {
        LabelImage a = labels(type);
        LabelImage b = labels(type);
        int[] la = new int[a.width() * a.height()];
        int[] lb = new int[la.length];
        for (int p = 0; p < la.length; p++) {
            la[p] = a.label(p % a.width(), p / a.width());
            lb[p] = b.label(p % b.width(), p / b.width());
        }
        assertArrayEquals(la, lb);
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void stopsWhenCancelledBeforeStarting(ImageType type) {
        LoupeException e = assertThrows(LoupeException.class, () -> segmenter().segment(sample(type),
                ProcessingContext.builder().parameters(parameters()).cancelWhen(() -> true).build()));
        assertEquals(LoupeException.Reason.CANCELLED, e.reason());
    }
}
