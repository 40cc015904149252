package org.loupe.detect.classic.internal;

import org.loupe.numerics.regions.ConnectedComponents;

/**
 * The shape features a candidate region is classified by: its area, its elongation (square root of the ratio of
 * its second moments along and across its main axis: about 1 for a blob, tens for a thin straight line, in between
 * for a jagged crack), the share of its box it fills, its length along the main axis, and its mean contrast.
 */
record Shape(double area, double elongation, double fill, double length, double contrast) {

    /** The names of the features a tree may split on, in {@link #value(int)} order. */
    static final String[] FEATURES = {"area", "elongation", "fill", "length", "contrast"};

    static Shape of(ConnectedComponents.Component c, int width, int[] residual) {
        double n = c.area();
        double mx = 0;
        double my = 0;
        double contrast = 0;
        for (int p : c.pixels()) {
            mx += p % width;
            my += p / width;
            contrast += Math.abs(residual[p]);
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int p : c.pixels()) {
            double dx = p % width - mx;
            double dy = p / width - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        sxx = sxx / n + 1.0 / 12; // a pixel's own extent, so a one-pixel line has a finite width
        syy = syy / n + 1.0 / 12;
        sxy /= n;
        double mean = (sxx + syy) / 2;
        double spread = Math.sqrt((sxx - syy) * (sxx - syy) / 4 + sxy * sxy);
        double major = mean + spread;
        double minor = Math.max(1e-6, mean - spread);
        double box = (double) (c.x2() - c.x1()) * (c.y2() - c.y1());
        return new Shape(n, Math.sqrt(major / minor), n / box, 4 * Math.sqrt(major), contrast / n);
    }

    double value(int feature) {
        return switch (feature) {
            case 0 -> area;
            case 1 -> elongation;
            case 2 -> fill;
            case 3 -> length;
            case 4 -> contrast;
            default -> throw new IllegalArgumentException("feature " + feature);
        };
    }
}
