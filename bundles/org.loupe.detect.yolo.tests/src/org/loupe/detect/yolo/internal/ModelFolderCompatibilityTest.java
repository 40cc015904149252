package org.loupe.detect.yolo.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.loupe.api.DefectDetector;
import org.loupe.testing.DetectorModelCompatibility;

/**
 * A model folder Loupe 1.3.0 wrote for detect.yolo (fixtures/made-by-1.3.0) detects in this version what it detected
 * then.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFolderCompatibilityTest extends DetectorModelCompatibility {

    private final YoloDetector detector = new YoloDetector();

    @Override
    protected DefectDetector detector() {
        return detector;
    }

    @Override
    protected String fixture() {
        return "fixtures/made-by-1.3.0";
    }

    @AfterAll
    void close() {
        detector.close();
    }
}
