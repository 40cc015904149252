package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;

/**
 * What every {@link DefectDetector} must do, as tests: a provider's test class extends this, returns the provider
 * from {@link #detector()} and, for a detector that compares with a golden image, a reference from
 * {@link #reference(ImageType)}.
 */
public abstract class DefectDetectorContract extends ComparingProviderContract {

    /** The provider under test. */
    protected abstract DefectDetector detector();

    /** An image of the given type with something to find. */
    @Override
    protected PixelImage sample(ImageType type) {
        return SyntheticImages.scene(type, 96, 80, 7);
    }

    @Override
    final LoupeService provider() {
        return detector();
    }

    @Override
    final ProviderKind kind() {
        return ProviderKind.DETECTOR;
    }

    @Override
    final Object run(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException {
        return detector().detect(image, reference, ctx);
    }

    private List<Detection> detect(ImageType type) throws LoupeException {
        return detector().detect(sample(type), reference(type), ProcessingContext.of(parameters()));
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void reportsBoxesInsideTheImageWithLabelsAndScoresInZeroToOne(ImageType type) throws LoupeException {
        PixelImage image = sample(type);
        for (Detection d : detect(type)) {
            assertTrue(d.x1() >= 0 && d.y1() >= 0 && d.x2() <= image.width() && d.y2() <= image.height(),
                    "outside the " + image.width() + "x" + image.height() + " image: " + d);
            assertTrue(d.score() >= 0 && d.score() <= 1, "score out of [0, 1]: " + d);
            assertTrue(!d.label().isBlank(), "needs a label: " + d);
        }
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void findsTheSameThingsEveryTime(ImageType type) throws LoupeException {
        Comparator<Detection> order = Comparator.comparingDouble(Detection::x1).thenComparingDouble(Detection::y1)
                .thenComparing(Detection::label);
        assertEquals(detect(type).stream().sorted(order).toList(), detect(type).stream().sorted(order).toList());
    }

    /** Callers skip reading templates on this answer, so it must be true to what the detector does. */
    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void ignoresAReferenceWhenItSaysItDoesNotUseOne(ImageType type) throws LoupeException {
        assumeFalse(detector().usesReference(), "the detector uses references");
        Comparator<Detection> order = Comparator.comparingDouble(Detection::x1).thenComparingDouble(Detection::y1)
                .thenComparing(Detection::label);
        PixelImage image = sample(type);
        PixelImage other = SyntheticImages.scene(type, image.width(), image.height(), 11);
        ProcessingContext ctx = ProcessingContext.of(parameters());
        assertEquals(detector().detect(image, null, ctx).stream().sorted(order).toList(),
                detector().detect(image, other, ctx).stream().sorted(order).toList());
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void stopsWhenCancelledBeforeStarting(ImageType type) {
        LoupeException e = assertThrows(LoupeException.class, () -> detector().detect(sample(type), reference(type),
                ProcessingContext.builder().parameters(parameters()).cancelWhen(() -> true).build()));
        assertEquals(LoupeException.Reason.CANCELLED, e.reason());
    }
}
