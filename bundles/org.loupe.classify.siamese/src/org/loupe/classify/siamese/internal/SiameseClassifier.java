package org.loupe.classify.siamese.internal;

import java.util.List;
import java.util.Map;
import org.loupe.api.Accelerator;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelCache;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Decides whether a PCB patch is defective by the L2 distance between its embedding and its golden (template)
 * patch's, from the Siamese feature-fusion ResNet of Dai et al. trained by {@code loupe train classify.siamese}; the
 * threshold is the one the trainer chose on validation patches, stored with the model.
 */
@Component(service = DefectClassifier.class)
@LoupeProvider(id = "classify.siamese", name = "Siamese PCB defect classifier", version = "1.0.0",
        model = "classify.siamese 2026-11-22T06:02:56.923298480Z",
        accelerator = Accelerator.GPU_OPTIONAL, inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "RGB:UINT8:3"},
        description = "Defective or defect-free: L2 distance between the embeddings of a 64x64 patch and of its "
                + "template patch (Siamese feature-fusion ResNet). Needs the board's template as its reference.")
public final class SiameseClassifier implements DefectClassifier {


    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(SiameseClassifier.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "A model folder written by 'loupe train classify.siamese'; the shipped "
                    + "model if empty."),
            ParameterSpec.real("threshold", -1, -1, 4, "Distance from which a patch is defective; -1 for the "
                    + "model's own (chosen on validation patches)."));

    private final ModelCache models = new ModelCache(SiameseClassifier.class, "/models/siamese/", DESCRIPTOR.id());

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Classification classify(PixelImage image, PixelImage reference, ProcessingContext ctx)
            throws LoupeException {
        DESCRIPTOR.requireAccepted(image);
        String name = image.metadata().label("the patch");
        if (reference == null) {
            throw LoupeException.badInput(name, "classify.siamese compares a patch with its golden (template) patch; "
                    + "give the board's template as the reference");
        }
        DESCRIPTOR.requireAccepted(reference);
        int side = PatchTensors.PATCH;
        if (image.width() != side || image.height() != side) {
            throw LoupeException.badInput(name, "is " + image.width() + "x" + image.height() + "; classify.siamese "
                    + "takes " + side + "x" + side + " patches");
        }
        if (reference.width() != side || reference.height() != side) {
            throw LoupeException.badInput(reference.metadata().label("the reference"), "is " + reference.width() + "x"
                    + reference.height() + " but the patch is " + side + "x" + side);
        }
        ModelHandle model = models.get(ctx.parameters().getString("model"));
        float[] both = PatchTensors.of(List.of(image, reference));
        float[][] e = Embeddings.of(model, both, 2);
        double d = Embeddings.distance(e[0], e[1]);
        double t = ctx.parameters().getDouble("threshold");
        if (t < 0) {
            Double stored = model.sidecar().scores().get(Decision.THRESHOLD);
            if (stored == null) {
                throw LoupeException.badInput(model.folder().toString(), "has no stored threshold; set the parameter "
                        + "threshold=T");
            }
            t = stored;
        }
        ctx.checkCancelled();
        boolean defective = d >= t;
        // distances of unit vectors lie in [0, 2]: confidence grows from 0.5 at the threshold to 1 at either end
        double room = defective ? 2 - t : t;
        double confidence = 0.5 + 0.5 * Math.min(1, room <= 0 ? 1 : Math.abs(d - t) / room);
        return new Classification(defective ? Classification.DEFECTIVE : Classification.DEFECT_FREE,
                confidence, Map.of(Classification.DISTANCE, d, Classification.THRESHOLD, t));
    }

    @Deactivate
    void close() {
        models.close();
    }
}
