package org.loupe.data.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.image.GrayU8;
import org.loupe.metrics.detection.GroundTruth;

/**
 * Synthetic wafer images with annotated defects, after the course module Loupe's detectors follow: a circular wafer
 * with a notch and an edge-exclusion ring on a dark stage, a die grid with streets, an illumination gradient,
 * surface texture and sensor noise; two to five defects per image, each a scratch, a particle or a crack, with the
 * tight box of its visible pixels. Everything follows from the seed, so a set can be made again exactly.
 */
public final class WaferGenerator {

    /**
     * One wafer image and its defects.
     *
     * @param defects boxes with exclusive right and bottom edges, labels from {@link WaferDefect}
     */
    public record Wafer(GrayU8 image, List<GroundTruth> defects) {
    }

    private static final double STAGE = 15;
    private static final double SURFACE = 125;
    /** A defect pixel counts for its box from this share of the defect's full contrast. */
    private static final float VISIBLE = 0.3f;

    private WaferGenerator() {
    }

    /** The wafer of this seed, {@code size} pixels square. */
    public static Wafer generate(int size, Difficulty difficulty, long seed) {
        if (size < 64 || size > 8192) {
            throw new IllegalArgumentException("wafer size must be 64..8192, got " + size);
        }
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = surface(size, r);
        boolean[] wafer = waferMask(size);
        int n = 2 + r.nextInt(4);
        List<GroundTruth> defects = new ArrayList<>();
        for (int attempt = 0; defects.size() < n && attempt < 50 * n; attempt++) {
            WaferDefect type = WaferDefect.values()[r.nextInt(3)];
            float[] alpha = new float[size * size];
            double scale = difficulty.sizeScale() * size / 400.0;
            DefectShapes.paint(type, alpha, size, r, scale);
            GroundTruth box = box(alpha, size, type.label(), wafer);
            if (box == null || defects.stream().anyMatch(b -> overlaps(b, box))) {
                continue;
            }
            double contrast = difficulty.minContrast() + r.nextDouble() * (difficulty.maxContrast()
                    - difficulty.minContrast());
            // cracks open darker; scratches and particles may catch the light or shadow it
            double sign = type == WaferDefect.CRACK || r.nextBoolean() ? -1 : 1;
            for (int i = 0; i < px.length; i++) {
                if (alpha[i] > 0 && wafer[i]) {
                    px[i] += (float) (sign * contrast * alpha[i]);
                }
            }
            defects.add(box);
        }
        GrayU8 image = GrayU8.create(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = px[y * size + x] + difficulty.noise() * r.nextGaussian();
                image.set(x, y, (int) Math.round(Math.max(0, Math.min(255, v))));
            }
        }
        return new Wafer(image, List.copyOf(defects));
    }

    /** Stage, wafer with gradient, vignetting, edge ring, die grid and texture; no noise yet. */
    private static float[] surface(int size, SplittableRandom r) {
        float[] px = new float[size * size];
        double c = size / 2.0;
        double radius = 0.46 * size;
        double pitch = size * (0.07 + 0.05 * r.nextDouble());
        double street = Math.max(1.5, size / 180.0);
        double ox = r.nextDouble() * pitch;
        double oy = r.nextDouble() * pitch;
        double gx = r.nextDouble(-1, 1);
        double gy = r.nextDouble(-1, 1);
        double[][] waves = new double[3][];
        for (int k = 0; k < waves.length; k++) {
            waves[k] = new double[] {r.nextDouble(0.01, 0.06), r.nextDouble(0.01, 0.06), r.nextDouble(0, 6.3)};
        }
        boolean[] wafer = waferMask(size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!wafer[y * size + x]) {
                    px[y * size + x] = (float) STAGE;
                    continue;
                }
                double dist = Math.hypot(x + 0.5 - c, y + 0.5 - c) / radius;
                double v = SURFACE + 20 * (gx * (x - c) + gy * (y - c)) / radius - 12 * dist * dist;
                if (dist > 0.94) {
                    v -= 20; // edge exclusion: no dies printed there
                } else {
                    double u = Math.floorMod((long) Math.floor(x + ox), (long) Math.ceil(pitch));
                    double w = Math.floorMod((long) Math.floor(y + oy), (long) Math.ceil(pitch));
                    v += u < street || w < street ? -24 : 6;
                }
                for (double[] k : waves) {
                    v += 2 * Math.sin(k[0] * x + k[1] * y + k[2]);
                }
                px[y * size + x] = (float) v;
            }
        }
        return px;
    }

    /** The wafer's pixels: inside the circle, outside the notch at the bottom. */
    static boolean[] waferMask(int size) {
        boolean[] in = new boolean[size * size];
        double c = size / 2.0;
        double radius = 0.46 * size;
        double notch = 0.035 * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x + 0.5 - c;
                double dy = y + 0.5 - c;
                in[y * size + x] = Math.hypot(dx, dy) < radius && Math.hypot(dx, dy - radius) > notch;
            }
        }
        return in;
    }

    /** The tight box of the defect's visible pixels on the wafer, or null if too little of it is on the wafer. */
    private static GroundTruth box(float[] alpha, int size, String label, boolean[] wafer) {
        int x1 = size;
        int y1 = size;
        int x2 = -1;
        int y2 = -1;
        int count = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                if (alpha[i] >= VISIBLE && wafer[i]) {
                    x1 = Math.min(x1, x);
                    y1 = Math.min(y1, y);
                    x2 = Math.max(x2, x);
                    y2 = Math.max(y2, y);
                    count++;
                }
            }
        }
        return count < 6 ? null : new GroundTruth(x1, y1, x2 + 1, y2 + 1, label);
    }

    /** Whether two boxes overlap at all (defects are placed apart, so each box is one defect). */
    private static boolean overlaps(GroundTruth a, GroundTruth b) {
        return a.x1() < b.x2() + 2 && b.x1() < a.x2() + 2 && a.y1() < b.y2() + 2 && b.y1() < a.y2() + 2;
    }
}
