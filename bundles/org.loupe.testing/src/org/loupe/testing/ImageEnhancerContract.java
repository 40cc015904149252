package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;

/**
 * What every {@link ImageEnhancer} must do, as tests. A provider's test class extends this and returns the provider
 * from {@link #enhancer()}; the tests then run over every image type the provider declares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ImageEnhancerContract {

    /** The provider under test. */
    protected abstract ImageEnhancer enhancer();

    /** Parameters for the runs; the declared defaults unless overridden. */
    protected Parameters parameters() {
        return Parameters.defaults(enhancer().parameters());
    }

    /** A test image of the given type; large enough to be processed in several strips. */
    protected PixelImage sample(ImageType type) {
        return SyntheticImages.scene(type, 67, 211, 42);
    }

    private ProviderDescriptor descriptor() {
        return ProviderDescriptor.declaredBy(enhancer().getClass());
    }

    Stream<ImageType> acceptedTypes() {
        List<ImageType> declared = descriptor().inputTypes();
        return (declared.isEmpty() ? SyntheticImages.ALL_TYPES : declared).stream();
    }

    private ProcessingContext context() {
        return ProcessingContext.of(parameters());
    }

    @Test
    void declaresIdNameVersionAndDescription() {
        ProviderDescriptor d = descriptor();
        assertEquals(ProviderKind.ENHANCER, d.kind());
        assertTrue(d.id().matches("[a-z0-9]+(\\.[a-z0-9-]+)+"), "id should be dotted lower case: " + d.id());
        assertTrue(d.version().matches("\\d+\\.\\d+\\.\\d+.*"), "version should be major.minor.micro: " + d.version());
        assertFalse(d.name().equals(d.id()), "needs a display name");
        assertFalse(d.description().isBlank(), "needs a description");
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void leavesItsInputUntouched(ImageType type) throws LoupeException {
        PixelImage input = sample(type);
        PixelImage before = input.copy();
        enhancer().enhance(input, context());
        ImageAssertions.assertSamePixels(before, input);
        assertEquals(before.metadata(), input.metadata());
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void returnsTheTypeItDeclares(ImageType type) throws LoupeException {
        PixelImage out = enhancer().enhance(sample(type), context());
        assertEquals(enhancer().outputType(type), out.type());
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void recordsItselfInTheProvenance(ImageType type) throws LoupeException {
        PixelImage input = sample(type);
        PixelImage out = enhancer().enhance(input, context());
        List<String> steps = out.metadata().provenance();
        assertEquals(input.metadata().provenance().size() + 1, steps.size(), "one step added");
        String step = steps.get(steps.size() - 1);
        String plain = descriptor().id() + "@" + descriptor().version();
        if (descriptor().model().isEmpty()) {
            assertEquals(plain, step);
        } else {
            // a learned provider also names the model it ran, one of those it declares shipping
            String prefix = plain + " (model ";
            assertTrue(step.startsWith(prefix) && step.endsWith(")"), step);
            String model = step.substring(prefix.length(), step.length() - 1);
            assertTrue(descriptor().model().contains(model), model + " is not among " + descriptor().model());
        }
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void givesTheSameResultEveryTime(ImageType type) throws LoupeException {
        PixelImage input = sample(type);
        ImageAssertions.assertSamePixels(enhancer().enhance(input, context()), enhancer().enhance(input, context()));
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void reportsProgressWithinZeroAndOne(ImageType type) throws LoupeException {
        List<Double> reports = Collections.synchronizedList(new ArrayList<>());
        enhancer().enhance(sample(type), ProcessingContext.builder().parameters(parameters())
                .onProgress((f, m) -> reports.add(f)).build());
        assertFalse(reports.isEmpty(), "no progress reported");
        assertTrue(reports.stream().allMatch(f -> f >= 0 && f <= 1), "progress out of [0, 1]: " + reports);
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void stopsWhenCancelledBeforeStarting(ImageType type) {
        LoupeException e = assertThrows(LoupeException.class, () -> enhancer().enhance(sample(type),
                ProcessingContext.builder().parameters(parameters()).cancelWhen(() -> true).build()));
        assertEquals(LoupeException.Reason.CANCELLED, e.reason());
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void stopsWhenCancelledWhileWorking(ImageType type) {
        AtomicBoolean cancel = new AtomicBoolean();
        ProcessingContext ctx = ProcessingContext.builder().parameters(parameters()).cancelWhen(cancel::get)
                .onProgress((f, m) -> {
                    if (f < 1) {
                        cancel.set(true);
                    }
                }).build();
        LoupeException e = assertThrows(LoupeException.class, () -> enhancer().enhance(sample(type), ctx),
                "cancelled at the first progress report, but it finished anyway");
        assertEquals(LoupeException.Reason.CANCELLED, e.reason());
    }

    @Test
    void rejectsAnUnacceptedTypeNamingIt() {
        Optional<ImageType> unaccepted = SyntheticImages.ALL_TYPES.stream()
                .filter(t -> !descriptor().accepts(t)).findFirst();
        assumeTrue(unaccepted.isPresent(), "accepts every image type, so there is nothing to reject");
        LoupeException e = assertThrows(LoupeException.class,
                () -> enhancer().enhance(sample(unaccepted.get()), context()));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains(unaccepted.get().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(descriptor().id()), e.getMessage());
    }
}
