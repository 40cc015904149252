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

    /** The patches, checked for size and type, as one flat NHWC batch. */
    static float[] of(List<? extends PixelImage> patches) throws LoupeException {
        float[] out = new float[patches.size() * SIZE];
        for (int n = 0; n < patches.size(); n++) {
            PixelImage p = patches.get(n);
            if (p.width() != SIDE || p.height() != SIDE || p.bands() != 1) {
                throw LoupeException.badInput(p.metadata().label("the patch"), "is " + p.width() + "x" + p.height()
                        + "x" + p.bands() + "; classify.liver.lesion takes " + SIDE + "x" + SIDE + " patches in HU, "
                        + "as 'loupe data lesion-patches' and the liver pipeline cut them");
            }
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    out[n * SIZE + y * SIDE + x] = scale(p.getFloat(x, y, 0));
                }
            }
        }
        return out;
    }
}
