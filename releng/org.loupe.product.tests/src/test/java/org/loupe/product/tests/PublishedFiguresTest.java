package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./loupe eval sr} with the bicubic enhancer reproduces the published bicubic baselines on the real Set5 and
 * Set14 images, within 0.02 dB and 0.001 SSIM. The images are the shared reference data ({@code LOUPE_DATA}, else
 * {@code ../shared/data} beside the checkout); where a checkout has no such folder these tests are skipped, saying
 * so, rather than passing without data.
 */
class PublishedFiguresTest {

    @ParameterizedTest(name = "{0} x{1}: {2} dB / {3}")
    @CsvSource({"Set5,2,33.66,0.9299", "Set5,3,30.39,", "Set5,4,28.42,", "Set14,2,30.24,0.8688"})
    void bicubicBaselinesAreReproduced(String set, int scale, double psnr, Double ssim) throws Exception {
        Path dataset = Launcher.srDataset(set);
        Launcher.Run run = Launcher.run("eval", "sr", "--dataset", dataset.toString(), "--scale",
                Integer.toString(scale), "--with", "enhance.bicubic", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject mean = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("mean");
        assertEquals(psnr, mean.get("psnr").getAsDouble(), 0.02, "PSNR");
        if (ssim != null) {
            assertEquals(ssim, mean.get("ssim").getAsDouble(), 0.001, "SSIM");
        }
    }

    @org.junit.jupiter.api.Test
    void set5PerImageFiguresMatchThePublishedOnes() throws Exception {
        Path dataset = Launcher.srDataset("Set5");
        Launcher.Run run = Launcher.run("eval", "sr", "--dataset", dataset.toString(), "--scale", "2", "--with",
                "enhance.bicubic", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        var images = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("images");
        double[] published = {37.07, 36.81, 27.43, 34.86, 32.14}; // baby, bird, butterfly, head, woman
        for (int i = 0; i < 5; i++) {
            assertEquals(published[i], images.get(i).getAsJsonObject().get("psnr").getAsDouble(), 0.005,
                    images.get(i).getAsJsonObject().get("image").getAsString());
        }
    }
}
