package org.loupe.metrics.tests;

import org.junit.jupiter.api.Nested;
import org.loupe.api.ImageMetric;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.metrics.internal.DiceMetric;
import org.loupe.metrics.internal.HausdorffMetric;
import org.loupe.metrics.internal.MaskIouMetric;
import org.loupe.metrics.internal.PsnrMetric;
import org.loupe.metrics.internal.SsimMetric;
import org.loupe.testing.ImageMetricContract;
import org.loupe.testing.SyntheticImages;

/** Every shipped metric passes the metric contract. */
class MetricContractsTest {

    /** Masks for the mask metrics: a scene cut at half its range, so both inside and outside are present. */
    abstract static class MaskMetricContract extends ImageMetricContract {
        @Override
        protected PixelImage sample(ImageType type, long seed) {
            PixelImage scene = SyntheticImages.scene(type, 48, 40, seed);
            double max = type.pixelType().maxValue();
            PixelImage mask = PixelImage.create(type, scene.width(), scene.height());
            for (int y = 0; y < scene.height(); y++) {
                for (int x = 0; x < scene.width(); x++) {
                    mask.setFloat(x, y, 0, scene.getFloat(x, y, 0) > max / 2 ? (float) max : 0f);
                }
            }
            return mask;
        }
    }

    @Nested
    class Psnr extends ImageMetricContract {
        @Override
        protected ImageMetric metric() {
            return new PsnrMetric();
        }
    }

    @Nested
    class Ssim extends ImageMetricContract {
        @Override
        protected ImageMetric metric() {
            return new SsimMetric();
        }
    }

    @Nested
    class Dice extends MaskMetricContract {
        @Override
        protected ImageMetric metric() {
            return new DiceMetric();
        }
    }

    @Nested
    class Iou extends MaskMetricContract {
        @Override
        protected ImageMetric metric() {
            return new MaskIouMetric();
        }
    }

    @Nested
    class Hausdorff extends MaskMetricContract {
        @Override
        protected ImageMetric metric() {
            return new HausdorffMetric();
        }
    }
}
