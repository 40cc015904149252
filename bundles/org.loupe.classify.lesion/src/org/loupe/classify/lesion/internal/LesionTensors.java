package org.loupe.classify.lesion.internal;

import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.data.ct.LesionPatches;
import org.loupe.image.PixelImage;

/**
 * Patches in and out of the network: 32x32 Hounsfield units, centred on 40 HU and divided by 200 (the abdominal
 * window's half width), so that fat, liver, cysts and enhancing rims fall between about -1 and 1.
 */
final class LesionTensors {

    /** Patch side, the one the candidate stage cuts. */
    static final int SIDE = LesionPatches.SIDE;
    /** Values per patch. */
    static final int SIZE = SIDE * SIDE;

    private LesionTensors() {
    }

    /** The network input of one HU value. */
    static float scale(double hu) {
        return (float) ((hu - 40) / 200);
    }

    /**
     * The patches, checked for size and bands, as one flat NHWC batch of {@code slices} channels. A patch has one
     * band (a slice) or {@link LesionPatches#STACK_SLICES} (neighbouring slices, as the liver stages hand them out);
     * a one-slice model reads the middle band of a stack, and a stack model reads a single slice in each of its
     * channels, as a lesion that looks the same on the slices either side (what a 2-D patch from elsewhere offers;
     * Loupe's figures are measured on stacks).
     */
    static float[] of(List<? extends PixelImage> patches, int slices) throws LoupeException {
        float[] out = new float[patches.size() * SIZE * slices];
        for (int n = 0; n < patches.size(); n++) {
            PixelImage p = patches.get(n);
            boolean slicesKnown = p.bands() == 1 || p.bands() == LesionPatches.STACK_SLICES;
            if (p.width() != SIDE || p.height() != SIDE || !slicesKnown) {
                throw LoupeException.badInput(p.metadata().label("the patch"), "is " + p.width() + "x" + p.height()
                        + "x" + p.bands() + "; classify.liver.lesion takes " + SIDE + "x" + SIDE + " patches in HU "
                        + "of 1 or " + LesionPatches.STACK_SLICES + " slices, as 'loupe data lesion-patches' and "
                        + "the liver pipeline cut them");
            }
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    for (int b = 0; b < slices; b++) {
                        out[((n * SIDE + y) * SIDE + x) * slices + b] = scale(p.getFloat(x, y, band(p, slices, b)));
                    }
                }
            }
        }
        return out;
    }

    /** The patch's band that feeds channel {@code b} of a model reading {@code slices}: b, or its middle (only) one. */
    private static int band(PixelImage p, int slices, int b) {
        return p.bands() == slices ? b : p.bands() / 2;
    }
}
