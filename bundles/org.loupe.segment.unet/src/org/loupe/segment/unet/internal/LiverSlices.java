package org.loupe.segment.unet.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;

/**
 * The axial slices of CT cases with their liver masks, on the U-Net's grid: network inputs ({@link #normalise}d HU)
 * and targets (each grid cell's share of liver). A case is a folder holding the CT as {@code ct/} (a DICOM series, as
 * {@code loupe data ct-liver} writes) or {@code ct.nii.gz}, and its mask as {@code liver.nii.gz}; the dataset folder
 * holds cases, or folders of cases (so that sets of several seeds and doses train together).
 *
 * @param names  each case's path under the dataset folder
 * @param inputs per case, per slice, {@code SIDE * SIDE} inputs
 * @param shares per case, per slice, {@code SIDE * SIDE} liver shares
 */
record LiverSlices(List<String> names, List<float[][]> inputs, List<float[][]> shares) {

    /** The mask's file in a case folder. */
    static final String MASK = "liver.nii.gz";

    /** Window the network sees, HU: soft tissue and fat; bone and air saturate. */
    static final float LOW_HU = -200;
    /** Upper end of the window. */
    static final float HIGH_HU = 300;

    /** A grid value in HU as the network takes it: the window mapped to about -1.7 .. 1.7. */
    static float normalise(float hu) {
        return (Math.max(LOW_HU, Math.min(HIGH_HU, hu)) - 50f) / 150f;
    }

    /** Slices in all cases. */
    int slices() {
        return inputs.stream().mapToInt(c -> c.length).sum();
    }

    /**
     * The case folders under {@code dataset}, by path.
     *
     * @throws LoupeException INPUT if there are none, naming the folder and what a case holds
     */
    static List<Path> cases(Path dataset) throws LoupeException {
        if (!Files.isDirectory(dataset)) {
            throw LoupeException.badInput(dataset.toString(), "is not a folder of CT cases (write one with 'loupe data "
                    + "ct-liver')");
        }
        List<Path> out = new ArrayList<>();
        for (Path p : children(dataset)) {
            if (isCase(p)) {
                out.add(p);
            } else if (Files.isDirectory(p)) {
                children(p).stream().filter(LiverSlices::isCase).forEach(out::add);
            }
        }
        if (out.isEmpty()) {
            throw LoupeException.badInput(dataset.toString(), "holds no case: a folder with ct/ (DICOM) or ct.nii.gz "
                    + "and " + MASK + ", directly or one folder down");
        }
        return out;
    }

    private static boolean isCase(Path p) {
        return Files.isRegularFile(p.resolve(MASK)) && (Files.isDirectory(p.resolve("ct"))
                || Files.isRegularFile(p.resolve("ct.nii.gz")));
    }

    private static List<Path> children(Path dir) throws LoupeException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the cases.
     *
     * @throws LoupeException INPUT for an unreadable CT or mask, or a mask on another grid
     */
    static LiverSlices read(Path dataset, List<Path> cases, ProcessingContext ctx) throws LoupeException {
        List<String> names = new ArrayList<>();
        List<float[][]> inputs = new ArrayList<>();
        List<float[][]> shares = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            ctx.checkCancelled();
            ctx.progress((double) c / cases.size(), "reading " + dataset.relativize(cases.get(c)));
            Path dir = cases.get(c);
            Volume ct = ct(dir);
            Volume mask = VolumeFiles.read(dir.resolve(MASK), ReadOptions.defaults());
            if (mask.width() != ct.width() || mask.height() != ct.height() || mask.depth() != ct.depth()) {
                throw LoupeException.badInput(dir.resolve(MASK).toString(), "is " + mask.width() + "x" + mask.height()
                        + "x" + mask.depth() + ", the CT " + ct.width() + "x" + ct.height() + "x" + ct.depth());
            }
            SliceGrid grid = new SliceGrid(ct.width(), ct.height());
            float[][] in = new float[ct.depth()][];
            float[][] share = new float[ct.depth()][];
            for (int k = 0; k < ct.depth(); k++) {
                in[k] = input(grid, ct, k);
                share[k] = grid.down(binary(mask, k), 0);
            }
            names.add(dataset.relativize(dir).toString());
            inputs.add(in);
            shares.add(share);
        }
        return new LiverSlices(names, inputs, shares);
    }

    /** A case's CT: its DICOM series {@code ct/}, else {@code ct.nii.gz}. */
    static Volume ct(Path caseDir) throws LoupeException {
        Path series = caseDir.resolve("ct");
        return VolumeFiles.read(Files.isDirectory(series) ? series : caseDir.resolve("ct.nii.gz"),
                ReadOptions.defaults());
    }

    /** Slice {@code k} of a CT as network input. */
    static float[] input(SliceGrid grid, Volume ct, int k) {
        float[] g = grid.down(ct.slice(Plane.AXIAL, k));
        for (int p = 0; p < g.length; p++) {
            g[p] = normalise(g[p]);
        }
        return g;
    }

    private static org.loupe.image.GrayF32 binary(Volume mask, int k) {
        org.loupe.image.GrayF32 s = mask.slice(Plane.AXIAL, k);
        float[] out = new float[s.width() * s.height()];
        for (int j = 0; j < s.height(); j++) {
            for (int i = 0; i < s.width(); i++) {
                out[j * s.width() + i] = s.get(i, j) > 0 ? 1 : 0;
            }
        }
        return org.loupe.image.GrayF32.wrap(out, s.width(), s.height());
    }
}
