package org.loupe.classify.lesion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayF32;
import org.loupe.image.PlanarF32;
import org.loupe.image.io.ImageFiles;
import org.loupe.tensorflow.ModelHandle;

/** Models that read a candidate on three neighbouring slices, and the one-slice models beside them. */
class SliceStackTest {

    @TempDir
    Path dir;

    private static GrayF32 slice(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GrayF32 g = GrayF32.create(LesionTensors.SIDE, LesionTensors.SIDE);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                g.set(x, y, (float) (60 + 20 * r.nextGaussian()));
            }
        }
        return g;
    }

    private static PlanarF32 stack(GrayF32... slices) {
        float[][] bands = new float[slices.length][];
        for (int b = 0; b < slices.length; b++) {
            bands[b] = slices[b].data();
        }
        return PlanarF32.wrap(LesionTensors.SIDE, LesionTensors.SIDE, bands);
    }

    @Test
    void aOneSliceModelReadsTheMiddleBandOfAStack() throws LoupeException {
        GrayF32 middle = slice(2);
        try (ModelHandle m = LesionNetTest.exported(dir.resolve("one"), 1)) {
            LesionModel.Verdict alone = LesionModel.run(m, List.of(middle))[0];
            LesionModel.Verdict stacked = LesionModel.run(m, List.of(stack(slice(1), middle, slice(3))))[0];
            assertArrayEquals(alone.output(), stacked.output());
        }
    }

    @Test
    void aThreeSliceModelReadsEverySliceAndASingleOneAsItsOwnNeighbours() throws LoupeException {
        GrayF32 a = slice(1);
        GrayF32 b = slice(2);
        GrayF32 c = slice(3);
        try (ModelHandle m = LesionNetTest.exported(dir.resolve("three"), 3)) {
            assertEquals(3, LesionModel.slices(m));
            LesionModel.Verdict v = LesionModel.run(m, List.of(stack(a, b, c)))[0];
            LesionModel.Verdict other = LesionModel.run(m, List.of(stack(slice(4), b, c)))[0];
            assertEquals(LesionTensors.SIZE * 2 * LesionNet.CLASSES.size(), v.output().length,
                    "one gradient map per class, whatever the slices");
            assertTrue(Math.abs(v.probabilities()[0] - other.probabilities()[0]) > 1e-6,
                    "another top slice changes the verdict");
            double[] single = LesionModel.run(m, List.of(b))[0].probabilities();
            double[] repeated = LesionModel.run(m, List.of(stack(b, b, b)))[0].probabilities();
            assertArrayEquals(repeated, single, 1e-6, "a single slice fills every channel");
            assertTrue(Math.abs(single[0] - v.probabilities()[0]) > 1e-6, "and is not the stack it was cut from");
        }
    }

    @Test
    void aPatchListBecomesStacksOfTheSlicesEitherSideOfEachListedPatch() throws IOException, LoupeException {
        StringBuilder csv = new StringBuilder("file,case,class,candidate,lesion,lesionDiameterMm,diameterMm,depthHu,"
                + "slice\n");
        // candidate 1 of case-a on slices 10..14 (three stacks), candidate 2 on slice 20 alone (none)
        for (int k = 10; k <= 14; k++) {
            csv.append(patch("a1-" + k, k)).append(",case-a,tumour,1,1,12.0,11.0,40.0,").append(k).append('\n');
        }
        csv.append(patch("a2-20", 20)).append(",case-a,normal,2,0,0,5.0,30.0,20\n");
        Path list = dir.resolve("patches.csv");
        Files.writeString(list, csv, StandardCharsets.UTF_8);

        LesionPatchSet one = LesionPatchSet.read(list, c -> true, 1);
        assertEquals(6, one.size());
        assertEquals(1, one.slices());
        LesionPatchSet three = LesionPatchSet.read(list, c -> true, 3);
        assertEquals(3, three.size());
        assertEquals(3, three.slices());
        assertArrayEquals(new int[] {3, 0, 0}, three.perClass());
        // the stack around slice 12 holds slices 11, 12, 13 in that order, each pixel's bands side by side
        int second = LesionTensors.SIZE * 3;
        for (int b = 0; b < 3; b++) {
            assertEquals(LesionTensors.scale(11 + b), three.inputs()[second + b], 1e-6);
        }
    }

    @Test
    void aListWithoutCandidateAndSliceColumnsCannotBeStacked() throws IOException, LoupeException {
        Path list = dir.resolve("old.csv");
        Files.writeString(list, "file,case,class\n" + patch("x", 1) + ",case-a,cyst\n", StandardCharsets.UTF_8);
        LoupeException e = assertThrows(LoupeException.class, () -> LesionPatchSet.read(list, c -> true, 3));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("'candidate' and 'slice'"), e.getMessage());
    }

    /** Writes a patch whose every pixel is {@code hu} and returns its file name. */
    private String patch(String name, float hu) throws LoupeException {
        GrayF32 g = GrayF32.create(LesionTensors.SIDE, LesionTensors.SIDE);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                g.set(x, y, hu);
            }
        }
        String file = name + ".tif";
        ImageFiles.write(g, dir.resolve(file));
        return file;
    }
}
