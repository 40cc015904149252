package org.loupe.data.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.io.ImageFiles;
import org.loupe.numerics.noise.NoiseAccumulator;
import org.loupe.numerics.noise.NoiseStats;

class XraySimulatorTest {

    /** A small frame with S1's equipment. */
    static final XrayType SMALL = new XrayType("S1", 160, 128, 0.8, 60, 140, 0.8, 2.0, 6);

    /** A copper mask of stripes and pads, standing in for a DeepPCB template. */
    static GrayU8 mask() {
        GrayU8 m = GrayU8.create(64, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean copper = (x / 4) % 3 == 0 || (x - 32) * (x - 32) + (y - 20) * (y - 20) < 50;
                m.set(x, y, copper ? 0 : 255);
            }
        }
        return m;
    }

    private static XraySimulator simulator(long seed) throws LoupeException {
        GrayU8 m = mask();
        return new XraySimulator(SMALL, XrayScene.generate(SMALL, m.data(), 64, 64, seed));
    }

    @Test
    void poissonCountsHaveTheirMeanAsVariance() {
        SplittableRandom r = new SplittableRandom(1);
        for (double mean : new double[] {0.5, 3, 40, 255, 300, 5000}) {
            double s = 0;
            double s2 = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                long k = XraySimulator.poisson(mean, r);
                s += k;
                s2 += (double) k * k;
            }
            double m = s / n;
            double v = s2 / n - m * m;
            assertEquals(mean, m, 4 * Math.sqrt(mean / n) + 1e-9, "mean at " + mean);
            assertEquals(mean, v, 0.03 * mean, "variance at " + mean);
        }
    }

    @Test
    void theTwoExposuresShowTheSameObjectWithNoiseFallingAsTheSquareRootOfTime() throws LoupeException {
        XraySimulator sim = simulator(3);
        GrayF32 truth = sim.expected();
        SplittableRandom r = new SplittableRandom(4);
        double[] lq = errors(sim.expose(XrayType.LQ_SECONDS, r), truth);
        double[] hq = errors(sim.expose(XrayType.HQ_SECONDS, r), truth);
        assertEquals(0, lq[0], 0.01 * XraySimulator.FULL_SCALE / Math.sqrt(160 * 128) * 10, "LQ is unbiased");
        assertEquals(0, hq[0], 0.01 * XraySimulator.FULL_SCALE / Math.sqrt(160 * 128) * 10, "HQ is unbiased");
        double ratio = lq[1] / hq[1];
        assertEquals(Math.sqrt(XrayType.HQ_SECONDS / XrayType.LQ_SECONDS), ratio, 0.3, "noise ratio " + ratio);
    }

    /** Mean and standard deviation of exposure minus truth. */
    private static double[] errors(GrayU16 img, GrayF32 truth) {
        double s = 0;
        double s2 = 0;
        int n = truth.data().length;
        for (int i = 0; i < n; i++) {
            double d = (img.data()[i] & 0xFFFF) - truth.data()[i];
            s += d;
            s2 += d * d;
        }
        return new double[] {s / n, Math.sqrt(s2 / n - (s / n) * (s / n))};
    }

    @Test
    void theDifferenceOfTheExposuresIsNearlyGaussianAsInThePapersFigure2() throws LoupeException {
        NoiseAccumulator acc = new NoiseAccumulator("S1", 16);
        for (int i = 0; i < 3; i++) {
            XraySimulator sim = simulator(10 + i);
            SplittableRandom r = new SplittableRandom(20 + i);
            acc.add(sim.expose(XrayType.LQ_SECONDS, r), sim.expose(XrayType.HQ_SECONDS, r));
        }
        NoiseStats s = acc.result();
        assertTrue(s.fit().ksDistance() < 0.06, "Kolmogorov-Smirnov distance " + s.fit().ksDistance());
        assertTrue(Math.abs(s.fit().mean()) < 0.05 * s.fit().sigma(), "zero mean: " + s.fit());
    }

    @Test
    void aDatasetIsWrittenWithThePapersSplitAndTheInputsOnlyRead(@TempDir Path dir) throws Exception {
        Path pcb = Files.createDirectories(dir.resolve("pcb/group1/1"));
        ImageFiles.write(mask(), pcb.resolve("1_temp.jpg"));
        ImageFiles.write(mask(), pcb.resolve("2_temp.jpg"));
        long before = Files.getLastModifiedTime(pcb.resolve("2_temp.jpg")).toMillis();
        Map<XrayType, Integer> counts = new LinkedHashMap<>();
        counts.put(SMALL, 5);
        List<XrayDataset.TypeSummary> s = XrayDataset.write(dir.resolve("out"), dir.resolve("pcb"), counts, 1,
                ProcessingContext.none());
        assertEquals(4, s.get(0).train());
        assertEquals(1, s.get(0).test());
        assertTrue(s.get(0).hqPsnr() > s.get(0).lqPsnr() + 10, s.toString());
        assertTrue(Files.exists(dir.resolve("out/S1/train/lq/s1-0004.tif")));
        assertTrue(Files.exists(dir.resolve("out/S1/test/hq/s1-0005.tif")));
        GrayU16 frame = (GrayU16) ImageFiles.read(dir.resolve("out/S1/test/lq/s1-0005.tif"));
        assertEquals(160, frame.width());
        assertEquals(before, Files.getLastModifiedTime(pcb.resolve("2_temp.jpg")).toMillis());
    }
}
