package org.loupe.data.xray;

/**
 * The materials of a simulated electronic assembly, with approximate linear attenuation coefficients at three
 * effective photon energies (from NIST XCOM mass attenuation coefficients times density, rounded; a polychromatic
 * tube spectrum is represented by one effective energy).
 */
public enum Material {

    /** Glass-epoxy board substrate (density 1.85 g/cm3). */
    FR4(0.064, 0.047, 0.040),
    /** Copper traces and pads (8.96 g/cm3). */
    COPPER(4.2, 1.7, 0.95),
    /** Silicon die (2.33 g/cm3). */
    SILICON(0.16, 0.078, 0.054),
    /** Tin-silver solder bumps (7.3 g/cm3). */
    SOLDER(21.0, 8.2, 4.0),
    /** Gold bond wires (19.3 g/cm3). */
    GOLD(43.0, 19.0, 10.0);

    private final double[] mu;

    Material(double at40keV, double at60keV, double at80keV) {
        this.mu = new double[] {at40keV, at60keV, at80keV};
    }

    /** Linear attenuation coefficient in 1/mm at an effective energy of 40, 60 or 80 keV. */
    public double mu(int keV) {
        return switch (keV) {
            case 40 -> mu[0];
            case 60 -> mu[1];
            case 80 -> mu[2];
            default -> throw new IllegalArgumentException("no coefficients for " + keV + " keV (40, 60 or 80)");
        };
    }
}
