package org.loupe.data.wafer;

import java.util.SplittableRandom;

/**
 * Draws one defect's shape as coverage in [0, 1] (anti-aliased lines and blobs), placed on the inner wafer: a
 * scratch is a thin straight or gently curved stroke, a particle a small round or oval blob, a crack a jagged random
 * walk that may branch.
 */
final class DefectShapes {

    private DefectShapes() {
    }

    static void paint(WaferDefect type, float[] alpha, int size, SplittableRandom r, double scale) {
        double c = size / 2.0;
        double reach = 0.46 * size * 0.8;
        double angle = r.nextDouble(0, 2 * Math.PI);
        double dist = reach * Math.sqrt(r.nextDouble());
        double x = c + dist * Math.cos(angle);
        double y = c + dist * Math.sin(angle);
        switch (type) {
            case SCRATCH -> scratch(alpha, size, r, scale, x, y);
            case PARTICLE -> particle(alpha, size, r, scale, x, y);
            case CRACK -> crack(alpha, size, r, scale, x, y, r.nextDouble(0, 2 * Math.PI), 0);
            default -> throw new IllegalArgumentException(type.toString());
        }
    }

    private static void scratch(float[] alpha, int size, SplittableRandom r, double scale, double x, double y) {
        double length = (40 + 80 * r.nextDouble()) * scale;
        double heading = r.nextDouble(0, Math.PI);
        double bend = r.nextBoolean() ? 0 : r.nextDouble(-0.2, 0.2) * length;
        double width = (1 + r.nextDouble()) * Math.max(0.8, scale);
        double x0 = x - Math.cos(heading) * length / 2;
        double y0 = y - Math.sin(heading) * length / 2;
        double x2 = x + Math.cos(heading) * length / 2;
        double y2 = y + Math.sin(heading) * length / 2;
        double x1 = x - Math.sin(heading) * bend;
        double y1 = y + Math.cos(heading) * bend;
        int steps = (int) Math.ceil(2 * length);
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            double bx = (1 - t) * (1 - t) * x0 + 2 * t * (1 - t) * x1 + t * t * x2;
            double by = (1 - t) * (1 - t) * y0 + 2 * t * (1 - t) * y1 + t * t * y2;
            stamp(alpha, size, bx, by, width / 2);
        }
    }

    private static void particle(float[] alpha, int size, SplittableRandom r, double scale, double x, double y) {
        double rx = (2 + 4 * r.nextDouble()) * scale;
        double ry = rx * r.nextDouble(0.7, 1.0);
        int x0 = (int) Math.floor(x - 2 * rx);
        int y0 = (int) Math.floor(y - 2 * ry);
        for (int py = Math.max(0, y0); py <= Math.min(size - 1, (int) Math.ceil(y + 2 * ry)); py++) {
            for (int qx = Math.max(0, x0); qx <= Math.min(size - 1, (int) Math.ceil(x + 2 * rx)); qx++) {
                double dx = (qx + 0.5 - x) / rx;
                double dy = (py + 0.5 - y) / ry;
                // a flat top with a soft rim, as a speck of dust looks out of focus
                float a = (float) Math.min(1, 1.6 * Math.exp(-0.5 * (dx * dx + dy * dy) * 2.2));
                alpha[py * size + qx] = Math.max(alpha[py * size + qx], a);
            }
        }
    }

    private static void crack(float[] alpha, int size, SplittableRandom r, double scale, double x, double y,
            double heading, int depth) {
        double length = (30 + 60 * r.nextDouble()) * scale / (depth + 1);
        double width = Math.max(0.8, 0.9 * scale);
        double h = heading;
        for (double walked = 0; walked < length; walked += 1.5) {
            h += r.nextGaussian() * 0.35;
            x += 1.5 * Math.cos(h);
            y += 1.5 * Math.sin(h);
            stamp(alpha, size, x, y, width / 2);
            if (depth < 2 && r.nextDouble() < 0.03) {
                crack(alpha, size, r, scale, x, y, h + (r.nextBoolean() ? 0.7 : -0.7), depth + 1);
            }
        }
    }

    /** Coverage of a disc of radius {@code half} around (x, y), anti-aliased over one pixel. */
    private static void stamp(float[] alpha, int size, double x, double y, double half) {
        int reach = (int) Math.ceil(half + 1);
        int cx = (int) Math.floor(x);
        int cy = (int) Math.floor(y);
        for (int py = Math.max(0, cy - reach); py <= Math.min(size - 1, cy + reach); py++) {
            for (int qx = Math.max(0, cx - reach); qx <= Math.min(size - 1, cx + reach); qx++) {
                double d = Math.hypot(qx + 0.5 - x, py + 0.5 - y);
                float a = (float) Math.max(0, Math.min(1, half + 0.5 - d));
                if (a > alpha[py * size + qx]) {
                    alpha[py * size + qx] = a;
                }
            }
        }
    }
}
