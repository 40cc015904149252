package org.loupe.bench.internal;

import java.util.SplittableRandom;
import org.loupe.image.GrayU16;

/** Test frames for the batch benchmark: a gradient, fine structure and noise at 16 bits, different per seed. */
public final class BenchFrames {

    private BenchFrames() {
    }

    public static GrayU16 scene(int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GrayU16 img = GrayU16.create(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = 0.3 + 0.3 * x / size + 0.15 * Math.sin((x + seed) / 7.0) * Math.cos(y / 11.0)
                        + 0.04 * rnd.nextGaussian();
                img.set(x, y, (int) Math.round(Math.max(0, Math.min(1, v)) * 65535));
            }
        }
        return img;
    }
}
