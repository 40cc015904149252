package org.loupe.api;

import java.util.List;
import org.loupe.image.PixelImage;

/**
 * Finds defects (or other objects) in an image and returns their boxes. Never modifies the image; thread-safe.
 */
public interface DefectDetector extends LoupeService {

    /**
     * The detections in {@code image}, in no particular order, compared against {@code reference} where there is
     * one: a golden (template) image of a defect-free part aligned with it. Detectors that do not compare ignore the
     * reference; detectors that need one refuse a null reference with an INPUT error. The same contract as
     * {@link DefectClassifier#classify}.
     *
     * @param reference the template, or null when there is none
     * @throws LoupeException INPUT for an unaccepted image, a missing or mismatched reference; CANCELLED if cancelled
     */
    List<Detection> detect(PixelImage image, PixelImage reference, ProcessingContext ctx) throws LoupeException;

    /**
     * Gets ready to detect with these parameters and says whether it can: loads the model they name and with it the
     * native library and device it runs on. Callers call it once before a batch, so that a backend that cannot run
     * is known before any image is read (and can be replaced, see {@code org.loupe.pipeline.DetectorChoice}).
     * Detectors that need nothing beyond their code keep the default, which does nothing.
     *
     * @throws LoupeException PROVIDER or INPUT naming why it cannot run: no model named, a missing or corrupt model
     *                        folder, a model of another kind, a native library or device that is not there
     */
    default void prepare(Parameters parameters) throws LoupeException {
    }

    /**
     * Whether {@link #detect} looks at the reference it is given. Callers skip reading templates for a detector that
     * answers false, which on DeepPCB-sized images is a third of the end-to-end time. The default, true, is right
     * for any detector that compares; detectors that work on the image alone override it.
     */
    default boolean usesReference() {
        return true;
    }

    /** The detections without a reference. */
    default List<Detection> detect(PixelImage image, ProcessingContext ctx) throws LoupeException {
        return detect(image, null, ctx);
    }

    /** Detects with default parameters, without a reference. */
    default List<Detection> detect(PixelImage image) throws LoupeException {
        return detect(image, null, ProcessingContext.of(Parameters.defaults(parameters())));
    }
}
