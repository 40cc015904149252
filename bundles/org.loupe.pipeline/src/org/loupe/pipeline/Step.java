package org.loupe.pipeline;

import java.util.Map;

/**
 * One step of a {@link Pipeline}. Enhancers transform the image that flows through the pipeline; a detector finds
 * defects in it (against a reference image where the step names one); a classifier decides on it patch by patch
 * ({@link PatchInspection}); a metric compares it with a reference image. In a volume pipeline, a segmenter labels the
 * volume and the lesion stage classifies the candidates inside the liver the latest segmenter found.
 *
 * @see PipelineReader for the JSON form
 */
public sealed interface Step permits Step.Enhance, Step.Detect, Step.Classify, Step.Measure, Step.Segment,
        Step.Lesions {

    /** The provider's id. */
    String provider();

    /** The provider's parameters as given (validated against its specs when the pipeline was read). */
    Map<String, String> params();

    /** The JSON key that names this kind of step: {@code enhance}, {@code detect}, {@code classify} or {@code measure}. */
    String kind();

    /** The same step with other parameters (a model folder copied to where this process can read it, say). */
    Step withParams(Map<String, String> newParams);

    /** An enhancer applied to the image. */
    record Enhance(String provider, Map<String, String> params) implements Step {
        /** Copies the parameters. */
        public Enhance {
            params = Map.copyOf(params);
        }

        @Override
        public String kind() {
            return "enhance";
        }

        @Override
        public Enhance withParams(Map<String, String> newParams) {
            return new Enhance(provider, newParams);
        }
    }

    /**
     * A detector run on the image.
     *
     * @param reference      a {@link NameRule} for the golden image beside each input, or null
     * @param scoreThreshold detections below this confidence are dropped
     * @param truth          a {@link NameRule} for each input's annotation file (DeepPCB format), or null; with it
     *                       the run scores its detections as {@code loupe eval detect} does
     */
    record Detect(String provider, Map<String, String> params, NameRule reference, double scoreThreshold,
            NameRule truth) implements Step {
        /** Copies the parameters. */
        public Detect {
            params = Map.copyOf(params);
        }

        @Override
        public String kind() {
            return "detect";
        }

        @Override
        public Detect withParams(Map<String, String> newParams) {
            return new Detect(provider, newParams, reference, scoreThreshold, truth);
        }
    }

    /**
     * A classifier run on square patches tiling the image, each against the same window of the reference.
     *
     * @param reference a {@link NameRule} for the golden image beside each input, or null
     * @param patch     the side of the patches, in pixels
     */
    record Classify(String provider, Map<String, String> params, NameRule reference, int patch) implements Step {
        /** Copies the parameters. */
        public Classify {
            params = Map.copyOf(params);
        }

        @Override
        public String kind() {
            return "classify";
        }

        @Override
        public Classify withParams(Map<String, String> newParams) {
            return new Classify(provider, newParams, reference, patch);
        }
    }

    /**
     * A metric of the image against a reference image.
     *
     * @param reference a {@link NameRule} for the reference beside (or relative to) each input
     */
    record Measure(String provider, Map<String, String> params, NameRule reference) implements Step {
        /** Copies the parameters. */
        public Measure {
            params = Map.copyOf(params);
        }

        @Override
        public String kind() {
            return "measure";
        }

        @Override
        public Measure withParams(Map<String, String> newParams) {
            return new Measure(provider, newParams, reference);
        }
    }

    /**
     * A segmenter run on the volume; its label map is written and, with {@code truth}, scored.
     *
     * @param truth    a {@link NameRule} for the truth label map beside each input (Dice of label 1 against its
     *                 non-zero voxels for a two-label truth, voxel accuracy for a multi-label one), or null
     * @param asRead   whether it sees the volume as read rather than as the enhance steps left it (a segmenter that
     *                 finds thin structures, such as vessels, which a denoiser thins)
     */
    record Segment(String provider, Map<String, String> params, NameRule truth, boolean asRead) implements Step {
        /** Copies the parameters. */
        public Segment {
            params = Map.copyOf(params);
        }

        @Override
        public String kind() {
            return "segment";
        }

        @Override
        public Segment withParams(Map<String, String> newParams) {
            return new Segment(provider, newParams, truth, asRead);
        }
    }

    /**
     * The liver lesion stage: candidates inside the liver (label 1 of the latest segment step before it), each
     * classified by a {@code DefectClassifier} on its patch and explained with heat maps where the classifier can.
     *
     * @param truth     a {@link NameRule} for the case description listing the lesions ({@code case.json}), or null
     * @param lesionMap a {@link NameRule} for the lesion-id label map that goes with it ({@code tumours.nii.gz})
     */
    record Lesions(String provider, Map<String, String> params, NameRule truth, NameRule lesionMap) implements Step {
        /** Copies the parameters. */
        public Lesions {
            params = Map.copyOf(params);
        }

        @Override
        public String kind() {
            return "lesions";
        }

        @Override
        public Lesions withParams(Map<String, String> newParams) {
            return new Lesions(provider, newParams, truth, lesionMap);
        }
    }
}
