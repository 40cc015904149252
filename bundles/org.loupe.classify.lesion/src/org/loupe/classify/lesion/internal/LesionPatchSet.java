package org.loupe.classify.lesion.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;

/**
 * A folder of labelled lesion patches as {@code loupe data lesion-patches} writes it: {@code patches.csv} (columns
 * {@code file,case,class,...}, one row per patch, files relative to the folder) and the patches as float TIFFs in
 * HU. Split into training and validation by case, never by patch: the slices of one lesion and the candidates of one
 * liver look alike, and a validation figure from patches whose neighbours were trained on would flatter the model.
 * For a model that reads several slices, each listed patch whose candidate also has the patches of the slices either
 * side (columns {@code candidate} and {@code slice}; {@code --slices 5} lists five per candidate) becomes one stack.
 *
 * @param inputs  network inputs, {@link LesionTensors#SIZE} values per slice read, per patch
 * @param labels  each patch's class index in {@link LesionNet#CLASSES}
 * @param cases   each patch's case
 */
record LesionPatchSet(float[] inputs, int[] labels, List<String> cases) {

    /** Patches. */
    int size() {
        return labels.length;
    }

    /** Slices per patch, the network input's channels. */
    int slices() {
        return labels.length == 0 ? 1 : inputs.length / (labels.length * LesionTensors.SIZE);
    }

    /** Patches per class, in {@link LesionNet#CLASSES} order. */
    int[] perClass() {
        int[] n = new int[LesionNet.CLASSES.size()];
        for (int l : labels) {
            n[l]++;
        }
        return n;
    }

    /**
     * Reads the listed patches of the cases {@code keep} accepts, as inputs of a network reading {@code slices}
     * neighbouring slices.
     *
     * @throws LoupeException INPUT for a missing or malformed list, an unknown class or an unreadable patch, or a
     *                        list without the columns that tell neighbouring slices when several are read
     */
    static LesionPatchSet read(Path list, Predicate<String> keep, int slices) throws LoupeException {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw LoupeException.badInput(list.toString(), "does not exist (write a patch set with 'loupe data "
                    + "lesion-patches')", e);
        } catch (IOException e) {
            throw LoupeException.badInput(list.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("file,case,class")) {
            throw LoupeException.badInput(list.toString(), "does not start with the header 'file,case,class'");
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        int candidateColumn = header.indexOf("candidate");
        int sliceColumn = header.indexOf("slice");
        if (slices > 1 && (candidateColumn < 0 || sliceColumn < 0)) {
            throw LoupeException.badInput(list.toString(), "has no 'candidate' and 'slice' columns, so patches of "
                    + "neighbouring slices cannot be stacked (write the set again with 'loupe data lesion-patches')");
        }
        List<PixelImage> patches = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length < 3) {
                throw LoupeException.badInput(list + ":" + (i + 1), "has " + f.length + " fields, expected at least 3");
            }
            int label = LesionNet.CLASSES.indexOf(f[2]);
            if (label < 0) {
                throw LoupeException.badInput(list + ":" + (i + 1), "unknown class '" + f[2] + "' (known: "
                        + String.join(", ", LesionNet.CLASSES) + ")");
            }
            if (!keep.test(f[1])) {
                continue;
            }
            patches.add(ImageFiles.read(list.resolveSibling(f[0]), ReadOptions.defaults()));
            labels.add(label);
            cases.add(f[1]);
            if (slices > 1) {
                places.add(place(f, candidateColumn, sliceColumn, list, i));
            }
        }
        LesionPatchSet one = new LesionPatchSet(LesionTensors.of(patches, 1),
                labels.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(cases));
        return slices == 1 ? one : one.stacked(places, slices);
    }

    /** Where a patch was cut: its case and candidate, and the slice. */
    private record Place(String kase, int candidate, int slice) {

        /** The same candidate's patch {@code by} slices further down. */
        Place shifted(int by) {
            return new Place(kase, candidate, slice + by);
        }
    }

    /** Where the patch of row {@code f} was cut, checked to be numbers. */
    private static Place place(String[] f, int candidate, int slice, Path list, int line) throws LoupeException {
        if (f.length <= Math.max(candidate, slice)) {
            throw LoupeException.badInput(list + ":" + (line + 1), "has " + f.length
                    + " fields, fewer than its header");
        }
        try {
            return new Place(f[1], Integer.parseInt(f[candidate]), Integer.parseInt(f[slice]));
        } catch (NumberFormatException e) {
            throw LoupeException.badInput(list + ":" + (line + 1), "has candidate '" + f[candidate] + "' and slice '"
                    + f[slice] + "', expected whole numbers", e);
        }
    }

    /** The stacks of {@code slices} neighbouring patches, one per patch that has all of its neighbours listed. */
    private LesionPatchSet stacked(List<Place> places, int slices) {
        Map<Place, Integer> at = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            at.put(places.get(i), i);
        }
        List<int[]> stacks = new ArrayList<>();
        for (Place p : places) {
            int[] members = new int[slices];
            boolean complete = true;
            for (int b = 0; b < slices && complete; b++) {
                Integer j = at.get(p.shifted(b - slices / 2));
                complete = j != null;
                members[b] = complete ? j : -1;
            }
            if (complete) {
                stacks.add(members);
            }
        }
        int size = LesionTensors.SIZE;
        float[] in = new float[stacks.size() * size * slices];
        int[] label = new int[stacks.size()];
        List<String> kase = new ArrayList<>();
        for (int n = 0; n < stacks.size(); n++) {
            int[] members = stacks.get(n);
            for (int b = 0; b < slices; b++) {
                for (int q = 0; q < size; q++) {
                    in[(n * size + q) * slices + b] = inputs[members[b] * size + q];
                }
            }
            label[n] = labels[members[slices / 2]];
            kase.add(cases.get(members[slices / 2]));
        }
        return new LesionPatchSet(in, label, List.copyOf(kase));
    }

    /** The cases listed, sorted. */
    static List<String> casesOf(Path list) throws LoupeException {
        TreeSet<String> out = new TreeSet<>();
        read(list, c -> {
            out.add(c);
            return false;
        }, 1);
        return List.copyOf(out);
    }
}
