package org.loupe.data.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;

class LiverPhantomTest {

    private static final int SIZE = 128;
    private static final int SLICES = 48;

    @TempDir
    Path dir;

    private static LiverPhantom.Case make(long seed, LiverPhantom.Dose dose) throws LoupeException {
        return LiverPhantom.generate(seed, SIZE, SLICES, dose, ProcessingContext.none());
    }

    @Test
    void theSameSeedGivesTheSameVoxelsAndAnotherSeedAnotherCase() throws LoupeException {
        assertArrayEquals(make(5, LiverPhantom.Dose.NORMAL).ct().data(), make(5, LiverPhantom.Dose.NORMAL).ct().data());
        assertFalse(Arrays.equals(make(5, LiverPhantom.Dose.NORMAL).liver().data(),
                make(6, LiverPhantom.Dose.NORMAL).liver().data()));
    }

    @Test
    void labelsAgree() throws LoupeException {
        for (long seed = 1; seed <= 4; seed++) {
            LiverPhantom.Case c = make(seed, LiverPhantom.Dose.NORMAL);
            float[] liver = c.liver().data();
            float[] tumours = c.tumours().data();
            float[] segments = c.couinaud().data();
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < liver.length; i++) {
                assertEquals(liver[i] > 0, segments[i] > 0, "segment labels exactly the liver, voxel " + i);
                assertTrue(tumours[i] == 0 || liver[i] > 0, "tumours lie in the liver");
                seen.add((int) segments[i]);
            }
            assertEquals(9, seen.size(), "seed " + seed + ": segments present " + seen);
            assertTrue(c.truth().size() <= 4);
        }
    }

    @Test
    void eachTumourHasItsSizeKindAndSegment() throws LoupeException {
        int checked = 0;
        for (long seed = 1; seed <= 6; seed++) {
            LiverPhantom.Case c = make(seed, LiverPhantom.Dose.NORMAL);
            Volume v = c.ct();
            double voxel = v.geometry().voxelVolume();
            for (Tumour t : c.truth()) {
                assertTrue(t.diameterMm() >= 5 && t.diameterMm() <= 40, t.toString());
                long count = 0;
                for (float f : c.tumours().data()) {
                    count += f == t.id() ? 1 : 0;
                }
                if (t.diameterMm() >= 12) {
                    double sphere = Math.PI / 6 * Math.pow(t.diameterMm(), 3);
                    assertEquals(sphere, count * voxel, 0.4 * sphere, t.toString());
                }
                int[] ijk = index(v, t.x(), t.y(), t.z());
                assertEquals(t.segment(), (int) c.couinaud().get(ijk[0], ijk[1], ijk[2]), t.toString());
                assertEquals(t.id(), (int) c.tumours().get(ijk[0], ijk[1], ijk[2]), t.toString());
                double hu = v.get(ijk[0], ijk[1], ijk[2]);
                if (t.kind().equals("cyst")) {
                    assertTrue(hu < 45, "a cyst is near water: " + hu + " " + t);
                } else if (t.diameterMm() >= 10) {
                    assertTrue(hu < 90, "a metastasis is darker than liver: " + hu + " " + t);
                }
                checked++;
            }
        }
        assertTrue(checked >= 6, "only " + checked + " tumours in six cases");
    }

    private static int[] index(Volume v, double x, double y, double z) {
        double[] o = v.geometry().origin();
        return new int[] {(int) Math.round((x - o[0]) / v.geometry().spacingX()),
            (int) Math.round((y - o[1]) / v.geometry().spacingY()), (int) Math.round((z - o[2])
                / v.geometry().spacingZ())};
    }

    @Test
    void liverIsBrighterThanFatAndLowDoseIsNoisier() throws LoupeException {
        double[] normal = liverStats(make(3, LiverPhantom.Dose.NORMAL));
        double[] low = liverStats(make(3, LiverPhantom.Dose.LOW));
        assertEquals(100, normal[0], 8, "liver HU in the portal venous phase");
        assertTrue(low[1] > 1.6 * normal[1], "low dose noise " + low[1] + " against " + normal[1]);
    }

    /** Mean and standard deviation of liver voxels away from its edges and vessels (truth mask eroded by one). */
    private static double[] liverStats(LiverPhantom.Case c) {
        Volume ct = c.ct();
        Volume l = c.liver();
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int k = 1; k < ct.depth() - 1; k++) {
            for (int j = 1; j < ct.height() - 1; j++) {
                for (int i = 1; i < ct.width() - 1; i++) {
                    if (l.get(i, j, k) > 0 && l.get(i - 1, j, k) > 0 && l.get(i + 1, j, k) > 0
                            && l.get(i, j - 1, k) > 0 && l.get(i, j + 1, k) > 0 && c.tumours().get(i, j, k) == 0
                            && Math.abs(ct.get(i, j, k) - 100) < 100) {
                        double v = ct.get(i, j, k);
                        s += v;
                        s2 += v * v;
                        n++;
                    }
                }
            }
        }
        double mean = s / n;
        return new double[] {mean, Math.sqrt(s2 / n - mean * mean)};
    }

    @Test
    void aDatasetHoldsDicomAndNiftiThatReadBackAsGenerated() throws LoupeException {
        Path out = dir.resolve("set");
        CtLiverDataset.Summary s = CtLiverDataset.create(out, 1, 9, 96, 24, LiverPhantom.Dose.NORMAL,
                ProcessingContext.none());
        assertEquals(1, s.cases());
        LiverPhantom.Case c = LiverPhantom.generate(9 * 1_000_003L, 96, 24, LiverPhantom.Dose.NORMAL,
                ProcessingContext.none());
        Volume ct = VolumeFiles.read(out.resolve("case-001/ct"), ReadOptions.defaults());
        float[] a = c.ct().data();
        float[] b = ct.data();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0.05, "voxel " + i);
        }
        assertArrayEquals(c.couinaud().data(), VolumeFiles.read(out.resolve("case-001/couinaud.nii.gz"),
                ReadOptions.defaults()).data());
        assertTrue(Files.isRegularFile(out.resolve("ct-liver.json")));
        assertTrue(Files.exists(out.resolve("case-001/case.json")));
    }
}
