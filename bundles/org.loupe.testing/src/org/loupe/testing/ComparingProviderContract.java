package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;

/**
 * The checks detectors and classifiers share: both take an image and, where they compare, a golden reference. A
 * contract extends this with the provider's own call and checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ComparingProviderContract {

    /** The provider under test. */
    abstract LoupeService provider();

    /** Its kind. */
    abstract ProviderKind kind();

    /** The provider's call on an image and a reference (which may be null). */
    abstract Object run(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException;

    /** An image of the given type to work on. */
    protected abstract PixelImage sample(ImageType type);

    /** The golden image for {@link #sample}, or null for a provider that does not compare (the default). */
    protected PixelImage reference(ImageType type) {
        return null;
    }

    /** Parameters for the runs; the declared defaults unless overridden. */
    protected Parameters parameters() {
        return Parameters.defaults(provider().parameters());
    }

    ProviderDescriptor descriptor() {
        return ProviderDescriptor.declaredBy(provider().getClass());
    }

    Stream<ImageType> acceptedTypes() {
        List<ImageType> declared = descriptor().inputTypes();
        return (declared.isEmpty() ? SyntheticImages.ALL_TYPES : declared).stream();
    }

    Object run(ImageType type) throws LoupeException {
        return run(sample(type), reference(type), ProcessingContext.of(parameters()));
    }

    @Test
    void declaresIdNameVersionAndDescription() {
        ProviderContracts.declared(provider(), kind());
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void leavesImageAndReferenceUntouched(ImageType type) throws LoupeException {
        PixelImage image = sample(type);
        PixelImage reference = reference(type);
        PixelImage imageBefore = image.copy();
        PixelImage referenceBefore = reference == null ? null : reference.copy();
        run(image, reference, ProcessingContext.of(parameters()));
        ImageAssertions.assertSamePixels(imageBefore, image);
        if (reference != null) {
            ImageAssertions.assertSamePixels(referenceBefore, reference);
        }
    }

    @Test
    void aProviderThatComparesRefusesAMissingReference() {
        ImageType type = acceptedTypes().findFirst().orElseThrow();
        assumeTrue(reference(type) != null, "this provider does not compare with a golden image");
        LoupeException e = assertThrows(LoupeException.class, () -> run(sample(type), null,
                ProcessingContext.of(parameters())));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
    }

    @Test
    void rejectsAnUnacceptedTypeNamingIt() {
        Optional<ImageType> other = ProviderContracts.unaccepted(descriptor());
        assumeTrue(other.isPresent(), "accepts every image type, so there is nothing to reject");
        ImageType accepted = acceptedTypes().findFirst().orElseThrow();
        PixelImage reference = reference(accepted) == null ? null : sample(other.get());
        LoupeException e = assertThrows(LoupeException.class, () -> run(sample(other.get()), reference,
                ProcessingContext.of(parameters())));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains(other.get().toString()), e.getMessage());
    }
}
