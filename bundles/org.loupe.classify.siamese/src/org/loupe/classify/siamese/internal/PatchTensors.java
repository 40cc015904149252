package org.loupe.classify.siamese.internal;

import java.util.List;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;

/**
 * Patches as network input: brightness in [0, 1] ({@link FloatImages#brightness}), shrunk by averaging
 * {@value #SHRINK} x {@value #SHRINK} blocks. The network sees a {@value #PATCH}-pixel board window at half
 * resolution: wide enough for most DeepPCB defects, small enough to train ResNets on two CPU cores.
 */
final class PatchTensors {

    /** Patch side on the board, in pixels. */
    static final int PATCH = 64;
    /** Block averaged into one input sample. */
    static final int SHRINK = 2;
    /** Input side of the network. */
    static final int SIDE = PATCH / SHRINK;
    /** Values per patch. */
    static final int SIZE = SIDE * SIDE;

    private PatchTensors() {
    }

    /** Writes one patch's input at {@code offset}; the patch must be {@value #PATCH} pixels square. */
    static void write(PixelImage patch, float[] out, int offset) {
        if (patch.width() != PATCH || patch.height() != PATCH) {
            throw new IllegalArgumentException("patch is " + patch.width() + "x" + patch.height());
        }
        GrayF32 g = FloatImages.brightness(patch);
        float scale = 1f / (SHRINK * SHRINK);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float s = 0;
                for (int j = 0; j < SHRINK; j++) {
                    for (int i = 0; i < SHRINK; i++) {
                        s += g.get(x * SHRINK + i, y * SHRINK + j);
                    }
                }
                out[offset + y * SIDE + x] = s * scale;
            }
        }
    }

    /** All patches' inputs, one after another. */
    static float[] of(List<? extends PixelImage> patches) {
        float[] out = new float[patches.size() * SIZE];
        for (int i = 0; i < patches.size(); i++) {
            write(patches.get(i), out, i * SIZE);
        }
        return out;
    }
}
