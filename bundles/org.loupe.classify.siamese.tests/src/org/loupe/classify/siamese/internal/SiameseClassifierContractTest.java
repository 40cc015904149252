package org.loupe.classify.siamese.internal;

import org.junit.jupiter.api.AfterAll;
import org.loupe.api.DefectClassifier;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.testing.DefectClassifierContract;
import org.loupe.testing.SyntheticImages;

/** The Siamese classifier passes the classifier contract. */
class SiameseClassifierContractTest extends DefectClassifierContract {

    private final SiameseClassifier classifier = new SiameseClassifier();

    @Override
    protected DefectClassifier classifier() {
        return classifier;
    }

    @Override
    protected PixelImage reference(ImageType type) {
        return SyntheticImages.scene(type, 64, 64, 12);
    }

    @AfterAll
    void close() {
        classifier.close();
    }
}
