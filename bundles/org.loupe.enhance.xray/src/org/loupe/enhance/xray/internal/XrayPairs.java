package org.loupe.enhance.xray.internal;

import org.loupe.api.LoupeException;
import org.loupe.data.xray.XrayDataset;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.tensorflow.train.PatchSampler;

/** Reads the LQ/HQ frame pairs that {@link XrayDataset#pairs} lists as the network sees them. */
final class XrayPairs {

    private XrayPairs() {
    }

    /** Reads a pair as float frames in [0, 1] (divided by the type's full scale). */
    static PatchSampler.Pair read(XrayDataset.Pair e) throws LoupeException {
        GrayF32 lq = unit(ImageFiles.read(e.lq()));
        GrayF32 hq = unit(ImageFiles.read(e.hq()));
        if (lq.width() != hq.width() || lq.height() != hq.height()) {
            throw LoupeException.badInput(e.hq().toString(), "is " + hq.width() + "x" + hq.height() + " but its LQ "
                    + "frame is " + lq.width() + "x" + lq.height());
        }
        return new PatchSampler.Pair(lq, hq);
    }

    /** A one-band image as floats divided by its full scale. */
    static GrayF32 unit(PixelImage img) throws LoupeException {
        if (img.bands() != 1) {
            throw LoupeException.badInput(img.metadata().name(), "is " + img.type() + "; X-ray frames are grey");
        }
        return FloatImages.toFloat(img, 0, img.type().pixelType().isInteger() ? img.type().pixelType().maxValue()
                : 1);
    }
}
