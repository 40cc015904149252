package org.loupe.enhance.srq.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.testing.SyntheticImages;

class FixedPointNetworkTest {

    static final Map<String, float[]> KERNELS = new Architecture().initialWeights(1, 7);

    static float[] randomLuma(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.5 + 0.45 * Math.sin(i * 0.37) + 0.05 * r.nextGaussian());
        }
        return v;
    }

    /** Formats that make some weights and activations saturate, so saturation paths are exercised. */
    static Quantization tightFormats() {
        int n = Architecture.LAYERS.size();
        int[] wf = new int[n];
        int[] of = new int[n];
        for (int i = 0; i < n; i++) {
            wf[i] = 8 + i % 3;
            of[i] = 11 + i % 4;
        }
        return new Quantization(Quantizer.INPUT_FRAC, wf, of);
    }

    @Test
    void theIntegerDatapathMatchesTheQuantizedReferenceBitForBit() {
        Quantization q = tightFormats();
        SrqModel model = new SrqModel("t", "bicubic", KERNELS, q, Map.of(), Map.of());
        float[] luma = randomLuma(37 * 23, 3);
        double[] integer = model.fixedPoint().run(luma, 37, 23);
        double[] reference = new ReferenceNetwork(KERNELS, q, Architecture.LAYERS.size()).run(luma, 37, 23);
        assertArrayEquals(reference, integer, 0.0);
    }

    @Test
    void theFormatSearchKeepsTheQuantizedNetworkCloseToTheFloatOne() throws LoupeException {
        List<TrainingSet.Sample> calibration = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calibration.add(TrainingSet.sample(SyntheticImages.scene(ImageType.RGB_U8, 120, 100, i),
                    Degradation.BICUBIC, new SplittableRandom(i)));
        }
        // an untrained network with a small last layer: a residual of the size a trained one adds to bicubic
        Map<String, float[]> kernels = new HashMap<>(KERNELS);
        float[] last = kernels.get("pw6/kernel").clone();
        for (int i = 0; i < last.length; i++) {
            last[i] *= 0.02f;
        }
        kernels.put("pw6/kernel", last);
        Quantizer quantizer = new Quantizer(calibration);
        Quantizer.Result r = quantizer.search(kernels);
        double fixed = quantizer.psnr(new SrqModel("t", "bicubic", kernels, r.quantization(), Map.of(), Map.of())
                .fixedPoint());
        double naive = quantizer.psnr(new SrqModel("t", "bicubic", kernels, tightFormats(), Map.of(), Map.of())
                .fixedPoint());
        assertEquals(r.psnrAfterLayer()[Architecture.LAYERS.size() - 1], fixed, 1e-9,
                "the search scored exactly what the integer datapath computes");
        assertTrue(fixed > r.floatPsnr() - 0.1, "float " + r.floatPsnr() + " dB, fixed " + fixed);
        assertTrue(fixed > naive, "searched formats " + fixed + " dB beat arbitrary ones " + naive);
    }

    @Test
    void thePlainTextFormatRoundTripsExactly() {
        FixedPointNetwork net = new SrqModel("srq.test", "bicubic", KERNELS, tightFormats(), Map.of(), Map.of())
                .fixedPoint();
        FixedPointNetwork back = FixedPointFormat.parse(FixedPointFormat.write("srq.test", net));
        assertEquals(net.quantization(), back.quantization());
        float[] luma = randomLuma(20 * 20, 5);
        assertArrayEquals(net.run(luma, 20, 20), back.run(luma, 20, 20), 0.0);
    }

    @Test
    void aDamagedFixedPointFileIsRejectedNamingTheLine() {
        String text = FixedPointFormat.write("srq.test", new SrqModel("srq.test", "bicubic", KERNELS,
                tightFormats(), Map.of(), Map.of()).fixedPoint());
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> FixedPointFormat.parse(text.substring(0, text.lastIndexOf('\n', text.length() / 2))));
        assertTrue(truncated.getMessage().contains("ends early"), truncated.getMessage());
        IllegalArgumentException wrongLayer = assertThrows(IllegalArgumentException.class,
                () -> FixedPointFormat.parse(text.replace("layer pw3 conv k 1 in 16 out 16",
                        "layer pw3 conv k 1 in 16 out 8")));
        assertTrue(wrongLayer.getMessage().matches("line \\d+: out 8 does not match.*"), wrongLayer.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> FixedPointFormat.parse(text.replaceFirst("(?m)^(layer conv1 .*\\n)\\S+", "$1600")));
        assertTrue(wide.getMessage().contains("does not fit in 10 bits"), wide.getMessage());
    }
}
