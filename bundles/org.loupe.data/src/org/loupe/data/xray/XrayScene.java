package org.loupe.data.xray;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The object of one simulated X-ray frame: for each {@link Material}, its thickness in millimetres along the ray
 * through every pixel. A board of glass-epoxy with the copper traces of a real PCB (a DeepPCB template used as the
 * copper mask), a silicon die, an array of solder bumps (spheres, some with voids, a few missing) and gold bond wires
 * (cylinders along curved paths) from the die to the board.
 */
public final class XrayScene {

    /** What varies between the three image types besides the equipment. */
    private record Layout(double templateZoom, int bumpPitch, double bumpRadius, double voidChance, int wires) {
    }

    private static final double BOARD_MM = 1.6;
    private static final double COPPER_MM = 0.035;
    private static final double DIE_MM = 0.3;
    private static final double WIRE_MICRONS = 25;

    private final int width;
    private final int height;
    private final float[][] thickness;

    private XrayScene(int width, int height) {
        this.width = width;
        this.height = height;
        this.thickness = new float[Material.values().length][width * height];
    }

    /**
     * A random scene for {@code type}.
     *
     * @param copperMask a PCB image whose dark pixels are copper (8-bit values, row-major)
     */
    public static XrayScene generate(XrayType type, byte[] copperMask, int maskWidth, int maskHeight, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Layout layout = switch (type.name()) {
            case "S1" -> new Layout(2.0, 64, 20, 0.2, 12);
            case "S2" -> new Layout(3.0, 90, 26, 0.1, 24);
            default -> new Layout(3.0, 48, 15, 0.3, 0);
        };
        XrayScene s = new XrayScene(type.width(), type.height());
        Arrays.fill(s.thickness[Material.FR4.ordinal()], (float) BOARD_MM);
        s.copper(copperMask, maskWidth, maskHeight, layout.templateZoom(), r);
        int[] die = s.die(r);
        s.bumps(layout, r);
        double pixelMm = type.pixelMicrons() / 1000;
        s.wires(die, layout.wires(), WIRE_MICRONS / 2 / type.pixelMicrons(), r);
        // bumps and wires are drawn in pixels; convert their chord lengths to millimetres
        scale(s.thickness[Material.SOLDER.ordinal()], pixelMm);
        scale(s.thickness[Material.GOLD.ordinal()], pixelMm);
        return s;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Thickness of {@code m} through each pixel, mm, row-major (shared, not copied). */
    public float[] thickness(Material m) {
        return thickness[m.ordinal()];
    }

    private static void scale(float[] v, double f) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= (float) f;
        }
    }

    /** Copper where the mask is dark, the mask zoomed, mirrored at its edges and shifted at random. */
    private void copper(byte[] mask, int mw, int mh, double zoom, SplittableRandom r) {
        float[] cu = thickness[Material.COPPER.ordinal()];
        double ox = r.nextDouble() * mw;
        double oy = r.nextDouble() * mh;
        boolean flip = r.nextBoolean();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (flip ? y : x) / zoom + ox;
                double v = (flip ? x : y) / zoom + oy;
                double value = bilinear(mask, mw, mh, u, v);
                cu[y * width + x] = (float) (COPPER_MM * (1 - value / 255));
            }
        }
    }

    private static double bilinear(byte[] m, int w, int h, double u, double v) {
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(v);
        double fx = u - x0;
        double fy = v - y0;
        return (1 - fy) * ((1 - fx) * at(m, w, h, x0, y0) + fx * at(m, w, h, x0 + 1, y0))
                + fy * ((1 - fx) * at(m, w, h, x0, y0 + 1) + fx * at(m, w, h, x0 + 1, y0 + 1));
    }

    /** The mask tiled with mirroring, so shifted and zoomed copies never show a seam. */
    private static int at(byte[] m, int w, int h, int x, int y) {
        int px = Math.floorMod(x, 2 * w);
        int py = Math.floorMod(y, 2 * h);
        px = px < w ? px : 2 * w - 1 - px;
        py = py < h ? py : 2 * h - 1 - py;
        return m[py * w + px] & 0xFF;
    }

    /** A silicon die covering about a fifth of the frame; returns {x0, y0, x1, y1}. */
    private int[] die(SplittableRandom r) {
        int dw = (int) (width * (0.35 + 0.15 * r.nextDouble()));
        int dh = (int) (height * (0.35 + 0.15 * r.nextDouble()));
        int x0 = (int) ((width - dw) * (0.3 + 0.4 * r.nextDouble()));
        int y0 = (int) ((height - dh) * (0.3 + 0.4 * r.nextDouble()));
        float[] si = thickness[Material.SILICON.ordinal()];
        for (int y = y0; y < y0 + dh; y++) {
            for (int x = x0; x < x0 + dw; x++) {
                si[y * width + x] = (float) DIE_MM;
            }
        }
        return new int[] {x0, y0, x0 + dw, y0 + dh};
    }

    /** A grid of solder spheres over a random part of the frame; some have voids, a few are missing. */
    private void bumps(Layout l, SplittableRandom r) {
        float[] sn = thickness[Material.SOLDER.ordinal()];
        int bx0 = (int) (width * 0.1 * r.nextDouble());
        int by0 = (int) (height * 0.1 * r.nextDouble());
        int bx1 = width - (int) (width * 0.3 * r.nextDouble());
        int by1 = height - (int) (height * 0.3 * r.nextDouble());
        for (double cy = by0 + l.bumpPitch() / 2.0; cy < by1; cy += l.bumpPitch()) {
            for (double cx = bx0 + l.bumpPitch() / 2.0; cx < bx1; cx += l.bumpPitch()) {
                if (r.nextDouble() < 0.02) {
                    continue;
                }
                double radius = l.bumpRadius() * (0.9 + 0.2 * r.nextDouble());
                sphere(sn, cx, cy, radius, 1);
                if (r.nextDouble() < l.voidChance()) {
                    int voids = 1 + r.nextInt(3);
                    for (int v = 0; v < voids; v++) {
                        double vr = radius * (0.12 + 0.2 * r.nextDouble());
                        double a = r.nextDouble() * 2 * Math.PI;
                        double d = (radius - vr) * Math.sqrt(r.nextDouble());
                        sphere(sn, cx + d * Math.cos(a), cy + d * Math.sin(a), vr, -1);
                    }
                }
            }
        }
        for (int i = 0; i < sn.length; i++) {
            sn[i] = Math.max(0, sn[i]);
        }
    }

    /** How a chord length joins what a pixel already holds. */
    @FunctionalInterface
    private interface Combine {
        float apply(float existing, double chord);
    }

    /** Adds (sign 1) or removes (sign -1) the chord length of a sphere, in pixels. */
    private void sphere(float[] t, double cx, double cy, double radius, int sign) {
        stamp(t, cx, cy, radius, (old, chord) -> (float) (old + sign * chord));
    }

    /** Applies the chord lengths of a sphere (or of a cylinder seen end-on) of {@code radius} around a point. */
    private void stamp(float[] t, double cx, double cy, double radius, Combine combine) {
        int x0 = Math.max(0, (int) Math.floor(cx - radius));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + radius));
        int y0 = Math.max(0, (int) Math.floor(cy - radius));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + radius));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d2 = (x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy);
                if (d2 < radius * radius) {
                    int i = y * width + x;
                    t[i] = combine.apply(t[i], 2 * Math.sqrt(radius * radius - d2));
                }
            }
        }
    }

    /** Gold wires as arcs from the die's edge to points outside it, drawn as cylinders of radius {@code rPx}. */
    private void wires(int[] die, int count, double rPx, SplittableRandom r) {
        float[] au = thickness[Material.GOLD.ordinal()];
        for (int i = 0; i < count; i++) {
            int side = r.nextInt(4);
            double t = 0.1 + 0.8 * r.nextDouble();
            double sx = side < 2 ? die[0] + t * (die[2] - die[0]) : die[side == 2 ? 0 : 2];
            double sy = side < 2 ? die[side == 0 ? 1 : 3] : die[1] + t * (die[3] - die[1]);
            double len = Math.min(width, height) * (0.05 + 0.1 * r.nextDouble());
            double nx = side < 2 ? 0 : (side == 2 ? -1 : 1);
            double ny = side < 2 ? (side == 0 ? -1 : 1) : 0;
            double ex = sx + nx * len + (r.nextDouble() - 0.5) * len * 0.4;
            double ey = sy + ny * len + (r.nextDouble() - 0.5) * len * 0.4;
            double mx = (sx + ex) / 2 + (r.nextDouble() - 0.5) * len * 0.5;
            double my = (sy + ey) / 2 + (r.nextDouble() - 0.5) * len * 0.5;
            int steps = (int) (len * 4);
            for (int k = 0; k <= steps; k++) {
                double u = (double) k / steps;
                double px = (1 - u) * (1 - u) * sx + 2 * u * (1 - u) * mx + u * u * ex;
                double py = (1 - u) * (1 - u) * sy + 2 * u * (1 - u) * my + u * u * ey;
                disc(au, px, py, rPx);
            }
        }
    }

    /** The chord length of a cylinder seen from above at this point, kept where it is the largest so far. */
    private void disc(float[] t, double cx, double cy, double radius) {
        stamp(t, cx, cy, radius, (old, chord) -> Math.max(old, (float) chord));
    }
}
