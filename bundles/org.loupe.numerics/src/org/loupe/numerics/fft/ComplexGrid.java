package org.loupe.numerics.fft;

import org.loupe.numerics.Grid;

/**
 * A rectangle of complex numbers, stored interleaved (re, im) row by row as JTransforms expects. The layout of a
 * spectrum is numpy's: frequency (0, 0) at the top-left, negative frequencies in the upper halves.
 */
public final class ComplexGrid {

    private final int width;
    private final int height;
    private final double[] data;

    ComplexGrid(int width, int height, double[] data) {
        if (data.length != 2L * width * height) {
            throw new IllegalArgumentException("need " + 2L * width * height + " values, got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.data = data;
    }

    /** A complex grid with the given real part and zero imaginary part. */
    public static ComplexGrid ofReal(Grid real) {
        double[] d = new double[2 * real.values().length];
        double[] r = real.values();
        for (int i = 0; i < r.length; i++) {
            d[2 * i] = r[i];
        }
        return new ComplexGrid(real.width(), real.height(), d);
    }

    /** Width. */
    public int width() {
        return width;
    }

    /** Height. */
    public int height() {
        return height;
    }

    /** Real part at (x, y). */
    public double re(int x, int y) {
        return data[2 * (y * width + x)];
    }

    /** Imaginary part at (x, y). */
    public double im(int x, int y) {
        return data[2 * (y * width + x) + 1];
    }

    /** The real parts as a grid. */
    public Grid real() {
        Grid g = new Grid(width, height);
        for (int i = 0; i < width * height; i++) {
            g.values()[i] = data[2 * i];
        }
        return g;
    }

    /** |z|^2 at every point. */
    public Grid power() {
        Grid g = new Grid(width, height);
        for (int i = 0; i < width * height; i++) {
            g.values()[i] = data[2 * i] * data[2 * i] + data[2 * i + 1] * data[2 * i + 1];
        }
        return g;
    }

    double[] data() {
        return data;
    }
}
