package org.loupe.detect.rcnn.internal;

import java.nio.file.Path;
import java.util.List;
import org.loupe.api.Accelerator;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;
import org.loupe.tensorflow.ModelCache;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code detect.rcnn}: the two-stage detector on a single image (region proposals from anchors, RoIAlign, a class
 * and box head), run with TensorFlow: the shipped model (DeepPCB, seed 3 of 20,000 steps; docs/MODELS.md) or a model
 * folder made by {@code loupe train detect.rcnn}, named by the parameter {@code model}.
 */
@Component(service = DefectDetector.class)
@LoupeProvider(id = "detect.rcnn", name = "Two-stage detector", version = "0.2.0",
        model = "detect.rcnn 2026-12-07T16:12:47.010643209Z, detect.rcnn.head 2026-12-07T16:12:47.010643209Z",
        accelerator = Accelerator.GPU_OPTIONAL, inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "RGB:UINT8:3"},
        description = "Two-stage detector in the manner of Faster R-CNN (backbone with a feature-pyramid step, "
                + "region proposal network with anchors, RoIAlign, class and box head) on a single image; ships a "
                + "model trained on DeepPCB.")
public final class RcnnDetector implements DefectDetector {

    /** Proposals the second stage scores, by default. */
    static final int PROPOSALS = 300;

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(RcnnDetector.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "A model folder from 'loupe train detect.rcnn'; the shipped DeepPCB "
                    + "model if empty."),
            ParameterSpec.real("min-score", 0.05, 0, 1, "Smallest confidence reported."),
            ParameterSpec.real("nms-iou", 0.5, 0, 1, "Boxes of one class overlapping more than this are one."),
            ParameterSpec.integer("proposals", PROPOSALS, 1, 5000, 1, "Regions the first stage passes to the second."),
            ParameterSpec.bool("objectness", true, "Multiply each class probability by the region's objectness "
                    + "(chosen on DeepPCB's validation part: mAP@0.5 0.859 against 0.763)."));

    private final ModelCache models = new ModelCache(RcnnDetector.class, "/models/rcnn/", DESCRIPTOR.id());
    // the shipped second stage is a model folder of its own inside the shipped one
    private final ModelCache shippedHeads = new ModelCache(RcnnDetector.class, "/models/rcnn/" + RcnnModel.HEAD + "/",
            DESCRIPTOR.id());

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Detection> detect(PixelImage image, PixelImage reference, ProcessingContext ctx)
            throws LoupeException {
        DESCRIPTOR.requireAccepted(image);
        ctx.checkCancelled();
        Parameters p = ctx.parameters();
        List<Detection> found = model(p).detect(image, p.getDouble("min-score"), p.getDouble("nms-iou"),
                p.getInt("proposals"), p.getBoolean("objectness"));
        ctx.progress(1, found.size() + " defects");
        return found;
    }

    @Override
    public boolean usesReference() {
        return false;
    }

    @Override
    public void prepare(Parameters parameters) throws LoupeException {
        model(parameters);
    }

    private RcnnModel model(Parameters p) throws LoupeException {
        String folder = p.getString("model");
        if (folder.isBlank()) {
            return RcnnModel.of(models.get(""), shippedHeads.get(""));
        }
        return RcnnModel.of(models.get(folder), models.get(Path.of(folder).resolve(RcnnModel.HEAD).toString()));
    }

    @Deactivate
    void close() {
        models.close();
        shippedHeads.close();
    }
}
