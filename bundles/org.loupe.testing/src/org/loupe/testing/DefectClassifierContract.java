package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;

/**
 * What every {@link DefectClassifier} must do, as tests: a provider's test class extends this, returns the provider
 * from {@link #classifier()} and, for a classifier that compares with a golden image, a reference from
 * {@link #reference(ImageType)}.
 */
public abstract class DefectClassifierContract extends ComparingProviderContract {

    /** The provider under test. */
    protected abstract DefectClassifier classifier();

    /** A patch of the given type to classify. */
    @Override
    protected PixelImage sample(ImageType type) {
        return SyntheticImages.scene(type, 64, 64, 11);
    }

    @Override
    final LoupeService provider() {
        return classifier();
    }

    @Override
    final ProviderKind kind() {
        return ProviderKind.CLASSIFIER;
    }

    @Override
    final Object run(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException {
        return classifier().classify(image, reference, ctx);
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void givesALabelWithAConfidenceAndTheSameVerdictEveryTime(ImageType type) throws LoupeException {
        Classification c = (Classification) run(type);
        assertTrue(!c.label().isBlank(), "needs a label");
        assertTrue(c.confidence() >= 0 && c.confidence() <= 1, "confidence " + c.confidence());
        assertEquals(c, run(type));
    }

    @ParameterizedTest
    @MethodSource("acceptedTypes")
    void aDefectClassifierDecidesWithTheLabelsTheApiNames(ImageType type) throws LoupeException {
        Classification c = (Classification) run(type);
        assumeTrue(c.details().containsKey(Classification.DISTANCE), "not a distance-to-golden classifier");
        assertTrue(List.of(Classification.DEFECTIVE, Classification.DEFECT_FREE).contains(c.label()), c.label());
    }
}
