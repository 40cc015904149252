package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingEvent;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.FrameworkUtil;

/**
 * The whole engine inside OSGi: train a tiny denoiser on seeded synthetic pairs, export it, load it back through
 * {@link ModelHandle} and compare.
 */
class TrainingEndToEndTest {

    @Test
    void aTinyDenoiserTrainsExportsAndReloadsWithIdenticalOutputs(@TempDir Path dir) throws Exception {
        assertNotNull(FrameworkUtil.getBundle(ModelHandle.class), "runs inside OSGi");
        PixelImage clean = SyntheticImages.scene(ImageType.GRAY_F32, 40, 30, 1234);
        PixelImage noisy = TinyDenoiser.noisy(clean, 4321);
        try (TinyDenoiser m = new TinyDenoiser(7, 1f)) {
            List<Batch> validation = List.of(new PatchSampler(TinyDenoiser.pairs(1, 48, 99), 16, 1, 8, 1, 1,
                    PatchSampler.Augmentation.none(), 5).batch(0));
            double before = TrainingLoop.validate(m.setup(), validation);
            List<TrainingEvent> events = new ArrayList<>();
            TrainingLoop.Outcome o = TrainingLoop.run(m.setup(), new TrainingLoop.Config(150, 50, 10, 25, 0, 0,
                    LearningRateSchedule.cosine(1e-2f, 1e-4f, 150)), TinyDenoiser.sampler(1), validation,
                    dir.resolve("checkpoints"), false, events::add, ProcessingContext.none());
            assertEquals(150, o.steps());
            assertTrue(o.bestValidationLoss() < 0.5 * before, "validation loss " + before + " -> "
                    + o.bestValidationLoss());
            assertTrue(events.get(events.size() - 1).loss() < events.get(0).loss(), "training loss fell");
            assertTrue(psnr(m.infer(noisy), clean) > psnr(pixels(noisy), clean) + 1,
                    "the trained network removes noise");

            ModelExport.write(dir.resolve("model"), m.definition, m.weights(), TinyDenoiser.sidecar(0, 0));
            float[] expected = m.infer(noisy);
            try (ModelHandle h = ModelHandle.load(dir.resolve("model"))) {
                assertEquals("test.tiny-denoiser", h.sidecar().id());
                assertArrayEquals(expected, pixels(h.apply(noisy, PixelType.FLOAT32)));
            }
        }
    }

    static float[] pixels(PixelImage img) {
        float[] v = new float[img.width() * img.height()];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                v[y * img.width() + x] = img.getFloat(x, y, 0);
            }
        }
        return v;
    }

    private static double psnr(float[] v, PixelImage clean) {
        float[] c = pixels(clean);
        double se = 0;
        for (int i = 0; i < v.length; i++) {
            se += (v[i] - c[i]) * (double) (v[i] - c[i]);
        }
        return 10 * Math.log10(v.length / se);
    }
}
