package org.loupe.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU16;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;

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

    /**
     * Writes {@code n} scenes as 16-bit PNG files {@code PREFIX00000.png}... into {@code dir}, seeds from
     * {@code firstSeed} on; files already there are kept, so a benchmark's folder is reused by its next run.
     *
     * @param progress hears a line every 100 frames
     */
    public static Path write(Path dir, String prefix, int n, int size, long firstSeed, Consumer<String> progress)
            throws LoupeException, IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(String.format("%s%05d.png", prefix, i));
            if (!Files.exists(f)) {
                ImageFiles.write(scene(size, firstSeed + i), f, ImageFormat.PNG);
            }
            if ((i + 1) % 100 == 0) {
                progress.accept((i + 1) + "/" + n + " frames written");
            }
        }
        return dir;
    }
}
