package org.loupe.classify.lesion.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 *
 * @param inputs  network inputs, {@link LesionTensors#SIZE} values per patch
 * @param labels  each patch's class index in {@link LesionNet#CLASSES}
 * @param cases   each patch's case
 */
record LesionPatchSet(float[] inputs, int[] labels, List<String> cases) {

    /** Patches. */
    int size() {
        return labels.length;
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
     * Reads the listed patches of the cases {@code keep} accepts.
     *
     * @throws LoupeException INPUT for a missing or malformed list, an unknown class or an unreadable patch
     */
    static LesionPatchSet read(Path list, Predicate<String> keep) throws LoupeException {
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
        List<PixelImage> patches = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> cases = new ArrayList<>();
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
        }
        return new LesionPatchSet(LesionTensors.of(patches), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(cases));
    }

    /** The cases listed, sorted. */
    static List<String> casesOf(Path list) throws LoupeException {
        TreeSet<String> out = new TreeSet<>();
        read(list, c -> {
            out.add(c);
            return false;
        });
        return List.copyOf(out);
    }
}
