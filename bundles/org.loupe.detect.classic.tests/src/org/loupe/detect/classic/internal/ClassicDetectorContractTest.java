package org.loupe.detect.classic.internal;

import org.loupe.api.DefectDetector;
import org.loupe.data.wafer.Difficulty;
import org.loupe.data.wafer.WaferGenerator;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.testing.DefectDetectorContract;

/** The classical detector passes the detector contract on a wafer in every accepted type. */
class ClassicDetectorContractTest extends DefectDetectorContract {

    @Override
    protected DefectDetector detector() {
        return new ClassicDetector();
    }

    @Override
    protected PixelImage sample(ImageType type) {
        PixelImage wafer = WaferGenerator.generate(160, Difficulty.EASY, 11).image();
        PixelImage out = PixelImage.create(type, wafer.width(), wafer.height());
        double scale = type.pixelType().isInteger() ? type.pixelType().maxValue() / 255.0 : 1 / 255.0;
        for (int y = 0; y < wafer.height(); y++) {
            for (int x = 0; x < wafer.width(); x++) {
                for (int b = 0; b < out.bands(); b++) {
                    out.setFloat(x, y, b, (float) (wafer.getFloat(x, y, 0) * scale));
                }
            }
        }
        return out;
    }
}
