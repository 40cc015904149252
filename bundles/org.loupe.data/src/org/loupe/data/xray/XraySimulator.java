package org.loupe.data.xray;

import java.util.SplittableRandom;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.numerics.filter.GaussianFilter;

/**
 * Renders a scene as a flat-field-corrected 16-bit X-ray frame: Beer-Lambert transmission
 * {@code T = exp(-sum mu_m t_m)} at the type's effective energy, blurred by the focal spot and detector, photon
 * counts {@code N ~ Poisson(seconds * flux * T)}, Gaussian read noise, and normalisation by the open-beam count, so
 * that a 5 s and a 90 s exposure of the same object have the same expected grey value ({@link #FULL_SCALE} for
 * {@code T = 1}) and differ only in noise.
 */
public final class XraySimulator {

    /** The grey value of an unobstructed pixel; headroom above it keeps noise on open beam from clipping. */
    public static final double FULL_SCALE = 60000;

    private final XrayType type;
    private final float[] transmission;
    private final int width;
    private final int height;

    /** Prepares the (noise-free, blurred) transmission of a scene. */
    public XraySimulator(XrayType type, XrayScene scene) throws LoupeException {
        this.type = type;
        this.width = scene.width();
        this.height = scene.height();
        float[] t = new float[width * height];
        for (int i = 0; i < t.length; i++) {
            double a = 0;
            for (Material m : Material.values()) {
                a += m.mu(type.keV()) * scene.thickness(m)[i];
            }
            t[i] = (float) Math.exp(-a);
        }
        GrayF32 blurred = (GrayF32) GaussianFilter.apply(GrayF32.wrap(t, width, height), type.blurSigma(),
                ProcessingContext.none());
        this.transmission = blurred.copy().data();
    }

    /** The expected frame (infinite exposure), as floats on the 16-bit scale. */
    public GrayF32 expected() {
        GrayF32 out = GrayF32.create(width, height);
        for (int i = 0; i < transmission.length; i++) {
            out.data()[i] = (float) (FULL_SCALE * transmission[i]);
        }
        return out;
    }

    /** One exposure of {@code seconds}, noise drawn from {@code random}. */
    public GrayU16 expose(double seconds, SplittableRandom random) {
        double open = seconds * type.flux();
        GrayU16 out = GrayU16.create(width, height);
        short[] d = out.data();
        for (int i = 0; i < transmission.length; i++) {
            double counts = poisson(open * transmission[i], random) + type.readNoise() * random.nextGaussian();
            long v = Math.round(FULL_SCALE * counts / open);
            d[i] = (short) Math.max(0, Math.min(65535, v));
        }
        return out;
    }

    /**
     * A Poisson variate: by multiplication of uniforms for small means, by the normal approximation with continuity
     * correction from a mean of 256 on (where its error is far below the read noise).
     */
    static long poisson(double mean, SplittableRandom r) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 256) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = r.nextDouble();
        long k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }
}
