package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.MetricValue;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.Region;

/**
 * What every {@link ImageMetric} must do, as tests: a provider's test class extends this and returns the provider
 * from {@link #metric()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ImageMetricContract {

    /** The provider under test. */
    protected abstract ImageMetric metric();

    /** An image of the given type to measure (masks for mask metrics: override). */
    protected PixelImage sample(ImageType type, long seed) {
        return SyntheticImages.scene(type, 48, 40, seed);
    }

    private ProcessingContext context() {
        return ProcessingContext.of(Parameters.defaults(metric().parameters()));
    }

    private ProviderDescriptor descriptor() {
        return ProviderDescriptor.declaredBy(metric().getClass());
    }

    Stream<ImageType> acceptedTypes() {
        List<ImageType> declared = descriptor().inputTypes();
        return (declared.isEmpty() ? SyntheticImages.ALL_TYPES : declared).stream();
    }

    @Test
    void declaresIdNameVersionAndDescription() {
        ProviderContracts.declared(metric(), ProviderKind.METRIC);
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void measuresWithoutTouchingEitherImageAndTheSameEveryTime(ImageType type) throws LoupeException {
        PixelImage a = sample(type, 1);
        PixelImage b = sample(type, 2);
        PixelImage aBefore = a.copy();
        PixelImage bBefore = b.copy();
        MetricValue v = metric().measure(a, b, context());
        ImageAssertions.assertSamePixels(aBefore, a);
        ImageAssertions.assertSamePixels(bBefore, b);
        assertFalse(Double.isNaN(v.value()), "a number: " + v);
        assertEquals(v, metric().measure(a, b, context()));
        assertFalse(v.metric().isBlank(), "names what it measured: " + v);
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void refusesImagesOfDifferentSizes(ImageType type) {
        PixelImage a = sample(type, 1);
        PixelImage smaller = a.view(new Region(0, 0, a.width() - 2, a.height())).copy();
        LoupeException e = assertThrows(LoupeException.class, () -> metric().measure(a, smaller, context()));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
    }

    @Test
    void rejectsAnUnacceptedTypeNamingIt() {
        Optional<ImageType> other = ProviderContracts.unaccepted(descriptor());
        assumeTrue(other.isPresent(), "accepts every image type, so there is nothing to reject");
        LoupeException e = assertThrows(LoupeException.class, () -> metric().measure(sample(other.get(), 1),
                sample(other.get(), 2), context()));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains(other.get().toString()), e.getMessage());
    }
}
