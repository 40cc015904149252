package org.loupe.detect.yolo.internal;

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
 * {@code detect.yolo}: the one-stage, anchor-free grid detector ({@link GridNetwork}) on a single image, run with
 * TensorFlow from a model folder made by {@code loupe train detect.yolo}: the shipped one (DeepPCB's six classes,
 * docs/MODELS.md) unless the parameter {@code model} names another.
 */
@Component(service = DefectDetector.class)
@LoupeProvider(id = "detect.yolo", name = "One-stage grid detector", version = "0.2.0",
        model = "detect.yolo 2026-12-07T16:12:37.003670091Z",
        accelerator = Accelerator.GPU_OPTIONAL, inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "RGB:UINT8:3"},
        description = "Anchor-free one-stage detector (backbone, feature pyramid step, objectness, class and box "
                + "heads, GIoU loss, NMS) on a single image; ships a model of DeepPCB's six PCB defect types, or "
                + "runs one from 'loupe train detect.yolo'.")
public final class YoloDetector implements DefectDetector {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(YoloDetector.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "A model folder from 'loupe train detect.yolo'; the shipped DeepPCB model "
                    + "if empty."),
            ParameterSpec.real("min-score", 0.05, 0, 1, "Smallest confidence reported."),
            ParameterSpec.real("nms-iou", 0.5, 0, 1, "Boxes of one class overlapping more than this are one."));

    private final ModelCache models = new ModelCache(YoloDetector.class, "/models/yolo/", DESCRIPTOR.id());

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
        List<Detection> found = model(p).detect(image, p.getDouble("min-score"), p.getDouble("nms-iou"));
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

    private YoloModel model(Parameters p) throws LoupeException {
        return YoloModel.of(models.get(p.getString("model")));
    }

    @Deactivate
    void close() {
        models.close();
    }
}
