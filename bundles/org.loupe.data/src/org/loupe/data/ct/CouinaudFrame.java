package org.loupe.data.ct;

/**
 * The landmarks that divide a liver into Couinaud's eight segments, and the division: vertical planes through the
 * right, middle and left hepatic veins where they leave the inferior vena cava, and the horizontal plane of the portal
 * vein's bifurcation; segment 1 (the caudate lobe) is given by its own region. Positions are in millimetres, LPS
 * (x to the patient's left, y to the back, z to the head); vein directions are angles in the axial plane measured
 * from the patient's right (0 degrees) through anterior (90) to the patient's left (180).
 *
 * @param ivcX           the vena cava's axis, x
 * @param ivcY           the vena cava's axis, y
 * @param rightVein      angle of the right hepatic vein, degrees
 * @param middleVein     angle of the middle hepatic vein
 * @param leftVein       angle of the left hepatic vein
 * @param portalZ        height of the portal plane
 */
public record CouinaudFrame(double ivcX, double ivcY, double rightVein, double middleVein, double leftVein,
        double portalZ) {

    /** Rejects veins out of their anatomical order. */
    public CouinaudFrame {
        if (!(rightVein < middleVein && middleVein < leftVein)) {
            throw new IllegalArgumentException("hepatic veins must run right < middle < left: " + rightVein + ", "
                    + middleVein + ", " + leftVein);
        }
    }

    /** The angle of a point around the vena cava, degrees in (-180, 180], 0 to the patient's right, 90 anterior. */
    public double angle(double x, double y) {
        return Math.toDegrees(Math.atan2(-(y - ivcY), -(x - ivcX)));
    }

    /**
     * The segment (2 to 8) of a liver point by the planes alone; the caller decides segment 1 (caudate) first.
     * Posterior sector (right of the right vein): 7 above the portal plane, 6 below; right anterior: 8 and 5;
     * between the middle and left veins: 4 (4a above, 4b below, both reported as 4); left of the left vein: 2 and 3.
     */
    public int segment(double x, double y, double z) {
        double a = angle(x, y);
        boolean superior = z >= portalZ;
        // behind and to the left of the cava (angles beyond 150 degrees either way) lies the left lateral lobe
        if (a >= leftVein || a < -150) {
            return superior ? 2 : 3;
        }
        if (a >= middleVein) {
            return 4;
        }
        if (a >= rightVein) {
            return superior ? 8 : 5;
        }
        return superior ? 7 : 6;
    }

    /**
     * Whether a liver point lies in the caudate lobe (segment 1): in front of the vena cava and above the portal
     * bifurcation, an ellipsoid of 17 x 13 x 20 mm half-axes centred 10 mm to the left of the cava's axis, 20 mm in
     * front of it and 8 mm above the portal plane.
     */
    public boolean caudate(double x, double y, double z) {
        double dx = (x - ivcX - 10) / 17;
        double dy = (y - ivcY + 20) / 13;
        double dz = (z - portalZ - 8) / 20;
        return dx * dx + dy * dy + dz * dz < 1;
    }

    /** The segment (1 to 8) of a liver point: the caudate lobe first, then the planes. */
    public int segmentOf(double x, double y, double z) {
        return caudate(x, y, z) ? 1 : segment(x, y, z);
    }
}
