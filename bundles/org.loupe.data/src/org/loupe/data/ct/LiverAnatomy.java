package org.loupe.data.ct;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One phantom abdomen's geometry, drawn from a seed: body, fat and muscle, spine and ribs, aorta and vena cava,
 * kidneys, spleen and stomach, and a liver of two lobes whose outline is perturbed per case, with hepatic and portal
 * veins and the lesions. Millimetres, LPS. {@link #tissue} says what fills a point.
 */
final class LiverAnatomy {

    /** What fills a point, with its mean CT number in Hounsfield units (portal venous phase). */
    enum Tissue {
        AIR(-1000), FAT(-100), MUSCLE(50), VISCERA(15), CORTICAL_BONE(700), CANCELLOUS_BONE(220), CSF(15),
        AORTA(165), CAVA(145), KIDNEY(160), RENAL_SINUS(-40), SPLEEN(115), STOMACH(15), LIVER(100),
        HEPATIC_VEIN(170), PORTAL_VEIN(180), INTRAHEPATIC_PORTAL_VEIN(180), METASTASIS(50), METASTASIS_RIM(125),
        CYST(6);

        final double hu;

        Tissue(double hu) {
            this.hu = hu;
        }
    }

    /** A capsule: the points within {@code r0..r1} (tapering) of the segment a-b. */
    record Tube(double[] a, double[] b, double r0, double r1) {
        boolean contains(double x, double y, double z) {
            double t = along(x, y, z);
            return distance(x, y, z, t) <= r0 + (r1 - r0) * t;
        }

        double distance(double x, double y, double z) {
            return distance(x, y, z, along(x, y, z));
        }

        /** Where the point projects onto the axis, 0 at a and 1 at b, clamped. */
        private double along(double x, double y, double z) {
            double[] d = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
            double len2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            return Math.max(0, Math.min(1, ((x - a[0]) * d[0] + (y - a[1]) * d[1] + (z - a[2]) * d[2]) / len2));
        }

        private double distance(double x, double y, double z, double t) {
            return Math.sqrt(sq(a[0] + t * (b[0] - a[0]) - x) + sq(a[1] + t * (b[1] - a[1]) - y)
                    + sq(a[2] + t * (b[2] - a[2]) - z));
        }
    }

    /** A lesion's shape: a sphere, lobulated for metastases. */
    record Lesion(Tumour truth, double radius, double[] lobes) {
        /** 0 outside, 1 in the core, 2 in the rim. */
        int part(double x, double y, double z) {
            double dx = x - truth.x();
            double dy = y - truth.y();
            double dz = z - truth.z();
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double r = radius;
            if (lobes != null && d > 0) {
                r *= 1 + lobes[0] * dx / d * dy / d + lobes[1] * dz / d + lobes[2] * dx / d;
            }
            if (d > r) {
                return 0;
            }
            boolean metastasis = truth.kind().equals("metastasis");
            return metastasis && d > r - Math.min(2.5, 0.3 * r) ? 2 : 1;
        }
    }

    private final double bodyA;
    private final double bodyB;
    private final double spineY;
    private final double[] rightLobe;
    private final double[] leftLobe;
    private final double[] outline;
    private final double[] kidneyR;
    private final double[] kidneyL;
    private final double[] spleen;
    private final double[] stomach;
    private final double ivcX;
    private final double ivcY;
    private final double domeZ;
    final CouinaudFrame frame;
    final List<Tube> hepaticVeins = new ArrayList<>();
    final List<Tube> portalVeins = new ArrayList<>();
    final List<Lesion> lesions = new ArrayList<>();
    private final double[][] texture;

    LiverAnatomy(long seed, double zTop) {
        SplittableRandom r = new SplittableRandom(seed);
        bodyA = 145 + u(r, -10, 15);
        bodyB = 105 + u(r, -8, 12);
        spineY = bodyB * 0.55;
        rightLobe = new double[] {-68 + u(r, -6, 6), -8 + u(r, -5, 5), 12 + u(r, -8, 8), 62 + u(r, -6, 8),
            70 + u(r, -6, 6), 62 + u(r, -8, 8)};
        leftLobe = new double[] {-8 + u(r, -6, 6), -46 + u(r, -5, 5), 26 + u(r, -6, 6), 52 + u(r, -8, 8),
            30 + u(r, -4, 5), 36 + u(r, -5, 5)};
        outline = new double[8];
        for (int i = 0; i < outline.length; i++) {
            outline[i] = u(r, -0.06, 0.06);
        }
        ivcX = -22 + u(r, -4, 4);
        ivcY = spineY - 28 + u(r, -3, 3);
        domeZ = Math.min(zTop - 5, rightLobe[2] + rightLobe[5] * 0.9);
        double portalZ = rightLobe[2] - 12 + u(r, -6, 6);
        frame = new CouinaudFrame(ivcX, ivcY, 25 + u(r, -8, 8), 70 + u(r, -8, 8), 112 + u(r, -8, 8), portalZ);
        kidneyR = new double[] {-70 + u(r, -5, 5), bodyB * 0.45, -50 + u(r, -8, 8), 24, 18, 42};
        kidneyL = new double[] {70 + u(r, -5, 5), bodyB * 0.45, -40 + u(r, -8, 8), 24, 18, 42};
        spleen = new double[] {88 + u(r, -5, 5), bodyB * 0.25, 15 + u(r, -8, 8), 24, 40, 45};
        stomach = new double[] {48 + u(r, -5, 5), -40 + u(r, -5, 5), 30 + u(r, -8, 8), 32, 28, 32};
        for (double angle : new double[] {frame.rightVein(), frame.middleVein(), frame.leftVein()}) {
            double a = Math.toRadians(angle);
            double[] start = {ivcX, ivcY, domeZ - 12};
            double len = 80 + u(r, -10, 15);
            double[] end = {ivcX - Math.cos(a) * len, ivcY - Math.sin(a) * len, domeZ - 12 - 0.45 * len};
            hepaticVeins.add(new Tube(start, end, 6, 2));
        }
        double[] hilum = {ivcX - 8, ivcY - 28, portalZ - 45};
        double[] fork = {ivcX - 12, ivcY - 22, portalZ};
        portalVeins.add(new Tube(hilum, fork, 7, 6));
        portalVeins.add(new Tube(fork, new double[] {rightLobe[0] - 20, rightLobe[1] + 5, portalZ}, 6, 3));
        portalVeins.add(new Tube(fork, new double[] {leftLobe[0] + 25, leftLobe[1] + 8, portalZ + 6}, 5, 3));
        texture = new double[6][];
        for (int i = 0; i < texture.length; i++) {
            double wavelength = u(r, 18, 60);
            double[] dir = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double n = Math.sqrt(sq(dir[0]) + sq(dir[1]) + sq(dir[2]));
            texture[i] = new double[] {dir[0] / n * 2 * Math.PI / wavelength, dir[1] / n * 2 * Math.PI / wavelength,
                dir[2] / n * 2 * Math.PI / wavelength, u(r, 0, 2 * Math.PI)};
        }
        placeLesions(r);
    }

    private void placeLesions(SplittableRandom r) {
        int count = r.nextInt(5);
        for (int n = 0; n < count; n++) {
            boolean cyst = r.nextDouble() < 0.4;
            double diameter = Math.exp(u(r, Math.log(5), Math.log(40)));
            double radius = diameter / 2;
            for (int attempt = 0; attempt < 400; attempt++) {
                double[] c = r.nextDouble() < 0.75 ? rightLobe : leftLobe;
                double x = c[0] + u(r, -c[3], c[3]);
                double y = c[1] + u(r, -c[4], c[4]);
                double z = c[2] + u(r, -c[5], c[5]);
                if (fits(x, y, z, radius)) {
                    int segment = segment(x, y, z);
                    Tumour t = new Tumour(lesions.size() + 1, cyst ? "cyst" : "metastasis", x, y, z, diameter,
                            segment);
                    lesions.add(new Lesion(t, radius, cyst ? null : new double[] {u(r, -0.12, 0.12),
                        u(r, -0.08, 0.08), u(r, -0.08, 0.08)}));
                    break;
                }
            }
        }
    }

    /** Whether a lesion of this radius lies inside the liver, clear of the veins and of the other lesions. */
    private boolean fits(double x, double y, double z, double radius) {
        double m = radius * 0.85 + 2;
        double[][] probes = {{0, 0, 0}, {m, 0, 0}, {-m, 0, 0}, {0, m, 0}, {0, -m, 0}, {0, 0, m}, {0, 0, -m}};
        for (double[] p : probes) {
            if (!liverParenchyma(x + p[0], y + p[1], z + p[2])) {
                return false;
            }
        }
        for (Tube t : hepaticVeins) {
            if (t.distance(x, y, z) < radius + 4) {
                return false;
            }
        }
        for (Tube t : portalVeins) {
            if (t.distance(x, y, z) < radius + 4) {
                return false;
            }
        }
        for (Lesion l : lesions) {
            Tumour o = l.truth();
            if (Math.sqrt(sq(o.x() - x) + sq(o.y() - y) + sq(o.z() - z)) < radius + l.radius() + 3) {
                return false;
            }
        }
        return true;
    }

    /** The Couinaud segment of a liver point: the caudate region first, then the planes. */
    int segment(double x, double y, double z) {
        return frame.segmentOf(x, y, z);
    }

    /** Inside the liver outline and not taken by another organ drawn over it. */
    private boolean liverParenchyma(double x, double y, double z) {
        return tissue(x, y, z, false) == Tissue.LIVER;
    }

    /** Liver outline: a soft union of the two lobes, perturbed per case, below the dome, inside the muscle wall. */
    private boolean liverOutline(double x, double y, double z) {
        if (z > domeZ + 8) {
            return false;
        }
        double rr = ellipsoid(rightLobe, x, y, z);
        double rl = ellipsoid(leftLobe, x, y, z);
        double k = 10;
        double soft = -Math.log(Math.exp(-k * Math.sqrt(rr)) + Math.exp(-k * Math.sqrt(rl))) / k;
        double dx = x - rightLobe[0];
        double dy = y - rightLobe[1];
        double dz = z - rightLobe[2];
        double d = Math.sqrt(dx * dx + dy * dy + dz * dz) + 1e-9;
        double theta = Math.atan2(dy, dx);
        double bump = outline[1] * dz / d;
        for (int i = 0; i < 4; i++) {
            bump += outline[2 * i] * Math.sin((i + 2) * theta + 40 * outline[2 * i + 1]);
        }
        return soft < 1 + bump && ring(x, y, z) > 26;
    }

    /** Distance inwards from the body surface along the ellipse's scale, mm (negative outside). */
    private double ring(double x, double y, double z) {
        double s = 1 + 0.03 * z / 80;
        double e = Math.sqrt(sq(x / (bodyA * s)) + sq(y / (bodyB * s)));
        return (1 - e) * Math.min(bodyA, bodyB) * s;
    }

    /**
     * What fills the point.
     *
     * @param lesionsToo false while lesions are being placed (they are placed in parenchyma, not in each other)
     */
    Tissue tissue(double x, double y, double z, boolean lesionsToo) {
        double depth = ring(x, y, z);
        if (depth < 0) {
            return Tissue.AIR;
        }
        Tissue bone = spine(x, y, z);
        if (bone != null) {
            return bone;
        }
        if (rib(x, y, z, depth)) {
            return Tissue.CORTICAL_BONE;
        }
        if (depth < 14) {
            return Tissue.FAT;
        }
        if (depth < 22) {
            return Tissue.MUSCLE;
        }
        if (sq(x - 14) + sq(y - (spineY - 25)) < 11 * 11) {
            return Tissue.AORTA;
        }
        if (sq(x - ivcX) + sq(y - ivcY) < 12 * 12 && z < domeZ) {
            return Tissue.CAVA;
        }
        for (double[] kidney : new double[][] {kidneyR, kidneyL}) {
            double e = ellipsoid(kidney, x, y, z);
            if (e < 1) {
                return e < 0.25 ? Tissue.RENAL_SINUS : Tissue.KIDNEY;
            }
        }
        if (ellipsoid(spleen, x, y, z) < 1) {
            return Tissue.SPLEEN;
        }
        if (ellipsoid(stomach, x, y, z) < 1 && !liverOutline(x, y, z)) {
            return Tissue.STOMACH;
        }
        boolean liver = liverOutline(x, y, z);
        if (liver && lesionsToo) {
            for (Lesion l : lesions) {
                int part = l.part(x, y, z);
                if (part > 0) {
                    return l.truth().kind().equals("cyst") ? Tissue.CYST
                            : part == 2 ? Tissue.METASTASIS_RIM : Tissue.METASTASIS;
                }
            }
        }
        for (Tube t : portalVeins) {
            if (t.contains(x, y, z)) {
                return liver ? Tissue.INTRAHEPATIC_PORTAL_VEIN : Tissue.PORTAL_VEIN;
            }
        }
        if (liver) {
            for (Tube t : hepaticVeins) {
                if (t.contains(x, y, z)) {
                    return Tissue.HEPATIC_VEIN;
                }
            }
            return Tissue.LIVER;
        }
        return Tissue.VISCERA;
    }

    private Tissue spine(double x, double y, double z) {
        double body = Math.sqrt(sq(x) + sq(y - spineY));
        if (body < 17) {
            return body > 14.5 ? Tissue.CORTICAL_BONE : Tissue.CANCELLOUS_BONE;
        }
        if (sq(x) + sq(y - spineY - 26) < 7 * 7) {
            return Tissue.CSF;
        }
        if (sq(x / 20) + sq((y - spineY - 36) / 7) < 1 || sq(x / 9) + sq((y - spineY - 27) / 12) < 1) {
            return Tissue.CORTICAL_BONE;
        }
        return null;
    }

    /** Ribs: bands 4 mm from the muscle wall every 25 mm, sloping down to the front, not across the front. */
    private boolean rib(double x, double y, double z, double depth) {
        if (y < -bodyB * 0.45 || depth < 18 || depth > 27) {
            return false;
        }
        double phase = z + 0.25 * y;
        double nearest = Math.round((phase - 5) / 25.0) * 25 + 5;
        return Math.abs(phase - nearest) < 4;
    }

    /** A slowly varying value in [-1, 1], for tissue texture. */
    double texture(double x, double y, double z) {
        double s = 0;
        for (double[] t : texture) {
            s += Math.cos(t[0] * x + t[1] * y + t[2] * z + t[3]);
        }
        return s / texture.length;
    }

    private static double ellipsoid(double[] e, double x, double y, double z) {
        return sq((x - e[0]) / e[3]) + sq((y - e[1]) / e[4]) + sq((z - e[2]) / e[5]);
    }

    private static double u(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private static double sq(double v) {
        return v * v;
    }
}
