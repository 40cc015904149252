package org.loupe.enhance.srq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.RgbU8;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.samples.Sample;
import org.loupe.samples.Samples;
import org.loupe.testing.ImageEnhancerContract;
import org.loupe.testing.ShippedModelDeclaration;
import org.loupe.testing.SyntheticImages;

/** The enhancer with its shipped models: the contract, and how it treats bit depths and colour. */
class SrqEnhancerTest extends ImageEnhancerContract {

    private final SrqEnhancer enhancer = new SrqEnhancer();

    @Override
    protected ImageEnhancer enhancer() {
        return enhancer;
    }

    private PixelImage run(PixelImage in, Map<String, String> params) throws LoupeException {
        return enhancer.enhance(in, ProcessingContext.of(Parameters.bind(enhancer.parameters(), params)));
    }

    @Test
    void eightAndSixteenBitInputsGiveTheSameImageAtTheirOwnScale() throws LoupeException {
        GrayU8 eight = (GrayU8) SyntheticImages.scene(ImageType.GRAY_U8, 40, 36, 3);
        GrayU16 sixteen = GrayU16.create(40, 36);
        for (int y = 0; y < 36; y++) {
            for (int x = 0; x < 40; x++) {
                sixteen.set(x, y, eight.get(x, y) * 257);
            }
        }
        GrayU8 a = (GrayU8) run(eight, Map.of());
        GrayU16 b = (GrayU16) run(sixteen, Map.of());
        assertEquals(80, b.width());
        for (int y = 0; y < 72; y++) {
            for (int x = 0; x < 80; x++) {
                assertEquals(a.get(x, y), b.get(x, y) / 257.0, 1.0, "at " + x + "," + y);
            }
        }
    }

    @Test
    void colourGoesThroughLumaAndChromaStaysBicubic() throws LoupeException {
        RgbU8 grey = RgbU8.create(30, 20);
        GrayU8 g = (GrayU8) SyntheticImages.scene(ImageType.GRAY_U8, 30, 20, 4);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                for (int b = 0; b < 3; b++) {
                    grey.set(x, y, b, g.get(x, y));
                }
            }
        }
        RgbU8 out = (RgbU8) run(grey, Map.of("variant", "bicubic"));
        int spread = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                spread = Math.max(spread, Math.abs(out.get(x, y, 0) - out.get(x, y, 2)));
            }
        }
        assertTrue(spread <= 2, "a grey picture stays grey, channels differ by " + spread);
    }

    @Test
    void onANaturalImageTheIntegerDatapathIsAlmostTheFloatNetwork() throws Exception {
        Sample butterfly = Samples.all().stream().filter(x -> x.fileName().equals("butterfly.png")).findFirst()
                .orElseThrow();
        PixelImage in;
        try (InputStream stream = butterfly.open()) {
            in = ImageFiles.read(stream, butterfly.fileName(), ReadOptions.defaults());
        }
        for (String variant : new String[] {"bicubic", "realistic"}) {
            RgbU8 fixed = (RgbU8) run(in, Map.of("variant", variant, "precision", "fixed"));
            RgbU8 floating = (RgbU8) run(in, Map.of("variant", variant, "precision", "float"));
            double se = 0;
            for (int y = 0; y < fixed.height(); y++) {
                for (int x = 0; x < fixed.width(); x++) {
                    for (int b = 0; b < 3; b++) {
                        double d = fixed.get(x, y, b) - floating.get(x, y, b);
                        se += d * d;
                    }
                }
            }
            double psnr = 10 * Math.log10(255.0 * 255 * fixed.pixelCount() * 3 / Math.max(se, 1e-9));
            // activations beyond the ranges seen on natural images saturate, so this holds for natural images
            assertTrue(psnr > 45, variant + ": fixed point against float, " + psnr + " dB");
        }
    }

    @Test
    void theDeclaredModelVersionIsTheShippedOne() throws Exception {
        ShippedModelDeclaration.assertDeclared(SrqEnhancer.class, "/models/bicubic/srq.json", "/models/realistic/srq.json");
    }
}
