package org.loupe.api;

import java.util.Map;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;

/**
 * Shows which pixels drove a classifier's decision: implemented beside {@link DefectClassifier} by classifiers that
 * can explain themselves, and found by {@code instanceof}. A heat map is what an analyst checks before trusting a
 * verdict (does the network look at the lesion, or at the liver's edge?).
 */
public interface SaliencyExplainer {

    /** Gradient-weighted class activation map (Selvaraju et al.): coarse, where the evidence for a class lies. */
    String GRAD_CAM = "grad-cam";
    /** The magnitude of the class score's gradient with respect to the input pixels: fine, which pixels matter. */
    String INPUT_GRADIENT = "input-gradient";

    /**
     * Heat maps of the evidence for {@code label} in {@code image}, by method ({@link #GRAD_CAM},
     * {@link #INPUT_GRADIENT}), each the image's size with values in [0, 1].
     *
     * @throws LoupeException INPUT for an image the classifier does not accept or a label it does not know
     */
    Map<String, GrayF32> explain(PixelImage image, PixelImage reference, String label, ProcessingContext ctx)
            throws LoupeException;
}
