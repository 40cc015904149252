package org.loupe.detect.classic.internal;

import org.loupe.api.DefectDetector;
import org.loupe.data.wafer.Difficulty;
import org.loupe.data.wafer.WaferGenerator;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.testing.DefectDetectorContract;
import org.loupe.testing.SyntheticImages;

/** The classical detector passes the detector contract on a wafer in every accepted type. */
class ClassicDetectorContractTest extends DefectDetectorContract {

    @Override
    protected DefectDetector detector() {
        return new ClassicDetector();
    }

    @Override
    protected PixelImage sample(ImageType type) {
        return SyntheticImages.asType(WaferGenerator.generate(160, Difficulty.EASY, 11).image(), type);
    }
}
