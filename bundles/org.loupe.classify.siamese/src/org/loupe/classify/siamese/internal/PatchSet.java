package org.loupe.classify.siamese.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.loupe.data.deeppcb.DeepPcbPatches;

/**
 * Patches ready for the network: inputs of the tested windows and of their golden references, labels, and board
 * types as indices.
 *
 * @param inputs     the tested windows ({@link PatchTensors})
 * @param references the template windows
 * @param defective  the labels
 * @param type       board type indices into {@code types}
 * @param types      the board types, sorted
 */
record PatchSet(float[] inputs, float[] references, boolean[] defective, int[] type, List<String> types) {

    /**
     * Converts patches.
     *
     * @param types the types to index by (those of the training set); null for this list's own; a type not among
     *              them gets index 0 (it matters only to the auxiliary classifier's validation loss)
     */
    static PatchSet of(List<DeepPcbPatches.Patch> patches, List<String> types) {
        List<String> t = types != null ? types
                : new ArrayList<>(new TreeSet<>(patches.stream().map(DeepPcbPatches.Patch::type).toList()));
        int n = patches.size();
        boolean[] defective = new boolean[n];
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            defective[i] = patches.get(i).defective();
            type[i] = Math.max(0, t.indexOf(patches.get(i).type()));
        }
        return new PatchSet(PatchTensors.of(patches.stream().map(DeepPcbPatches.Patch::test).toList()),
                PatchTensors.of(patches.stream().map(DeepPcbPatches.Patch::reference).toList()), defective, type,
                List.copyOf(t));
    }

    /** Number of patches. */
    int size() {
        return defective.length;
    }
}
