package org.loupe.classify.lesion.internal;

/** Turns raw network maps into heat maps in [0, 1]. */
final class Saliency {

    private Saliency() {
    }

    /** Grad-CAM: the class's score map with negative evidence cut off, divided by its maximum. */
    static float[] rectified(float[] scores) {
        float[] out = new float[scores.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = Math.max(0, scores[p]);
        }
        return normalised(out);
    }

    /** Input gradients: their magnitude, divided by its maximum. */
    static float[] magnitude(float[] gradient) {
        float[] out = new float[gradient.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = Math.abs(gradient[p]);
        }
        return normalised(out);
    }

    /** Divided by the maximum; all zeros stay zeros (no evidence anywhere). */
    private static float[] normalised(float[] v) {
        float max = 0;
        for (float f : v) {
            max = Math.max(max, f);
        }
        if (max > 0) {
            for (int p = 0; p < v.length; p++) {
                v[p] /= max;
            }
        }
        return v;
    }
}
