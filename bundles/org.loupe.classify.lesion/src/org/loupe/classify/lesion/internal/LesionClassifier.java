package org.loupe.classify.lesion.internal;

import java.util.LinkedHashMap;
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
import org.loupe.api.SaliencyExplainer;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PixelImage;
import org.loupe.tensorflow.ModelCache;
import org.loupe.tensorflow.ModelHandle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Tumour, cyst or normal liver: the class of a candidate's 32x32 HU patch (as the liver pipeline cuts it, from the
 * CT after its 3x3x3 median, which is what the shipped model was trained on) by the compact Inception-ResNet
 * {@link LesionNet} trained by {@code loupe train classify.liver.lesion} (the shipped model averages three of them,
 * trained from three seeds, so its calls do not hang on one seed's luck), with the probabilities of all three as
 * details, and Grad-CAM and input-gradient heat maps of any decision on request. The patch is one slice or a stack
 * of three neighbouring slices (one band each, as the liver stages give it); a model reads as many as it was
 * trained on, and a one-slice model reads a stack's middle band.
 */
@Component(service = DefectClassifier.class)
@LoupeProvider(id = "classify.liver.lesion", name = "Liver lesion classifier", version = "1.0.0",
        model = "classify.liver.lesion 2026-12-07T12:40:26.975316881Z",
        accelerator = Accelerator.GPU_OPTIONAL, inputTypes = {"GRAY:FLOAT32:1", "PLANAR:FLOAT32:3"},
        description = "Tumour, cyst or normal liver from a 32x32 patch in HU around a candidate (one slice, or three "
                + "neighbouring slices as bands), cut from the CT after a 3x3x3 median (compact Inception-ResNet; "
                + "the shipped model averages three), with Grad-CAM and input-gradient saliency maps.")
public final class LesionClassifier implements DefectClassifier, SaliencyExplainer {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(LesionClassifier.class);
    /**
     * The shipped model's operating point: the lowest threshold at which its false tumour calls on the low-dose
     * validation phantoms (seeds 42, 43 and 44) stay at or below one in four cases, with the candidate stage it
     * is given (0.3 until candidate regions were split between their cores; docs/MODELS.md, step 10).
     */
    static final double SHIPPED_TUMOUR_THRESHOLD = 0.4;
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "A model folder written by 'loupe train classify.liver.lesion'; the "
                    + "shipped model if empty."),
            ParameterSpec.real("tumour-threshold", SHIPPED_TUMOUR_THRESHOLD, 0, 1, "Call a candidate tumour when "
                    + "its probability of tumour reaches this, else the likelier of cyst and normal; 0: the likeliest "
                    + "class. The default is the shipped model's operating point, chosen on validation phantoms; for "
                    + "a model of your own, choose it from the operating points of 'loupe eval lesions'."));

    private final ModelCache models = new ModelCache(LesionClassifier.class, "/models/lesion/", DESCRIPTOR.id());

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Classification classify(PixelImage image, PixelImage reference, ProcessingContext ctx)
            throws LoupeException {
        LesionModel.Verdict v = verdict(image, ctx);
        Map<String, Double> details = new LinkedHashMap<>();
        for (int c = 0; c < LesionNet.CLASSES.size(); c++) {
            details.put("p(" + LesionNet.CLASSES.get(c) + ")", v.probabilities()[c]);
        }
        int label = label(v.probabilities(), ctx.parameters().getDouble("tumour-threshold"));
        return new Classification(LesionNet.CLASSES.get(label), v.probabilities()[label], details);
    }

    /** The class called: tumour from the threshold on (if one is set), else the likeliest of the others. */
    static int label(double[] probabilities, double tumourThreshold) {
        int tumour = LesionNet.CLASSES.indexOf("tumour");
        if (tumourThreshold > 0 && probabilities[tumour] >= tumourThreshold) {
            return tumour;
        }
        int best = -1;
        for (int c = 0; c < probabilities.length; c++) {
            if ((tumourThreshold <= 0 || c != tumour) && (best < 0 || probabilities[c] > probabilities[best])) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public Map<String, GrayF32> explain(PixelImage image, PixelImage reference, String label, ProcessingContext ctx)
            throws LoupeException {
        int c = LesionNet.CLASSES.indexOf(label);
        if (c < 0) {
            throw LoupeException.badInput(label, "is not a class of classify.liver.lesion (known: "
                    + String.join(", ", LesionNet.CLASSES) + ")");
        }
        LesionModel.Verdict v = verdict(image, ctx);
        Map<String, GrayF32> out = new LinkedHashMap<>();
        out.put(GRAD_CAM, map(Saliency.rectified(v.channel(c)), image, GRAD_CAM, label));
        out.put(INPUT_GRADIENT, map(Saliency.magnitude(v.channel(LesionNet.CLASSES.size() + c)), image,
                INPUT_GRADIENT, label));
        return out;
    }

    private LesionModel.Verdict verdict(PixelImage image, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(image);
        ModelHandle model = models.get(ctx.parameters().getString("model"));
        ctx.checkCancelled();
        return LesionModel.run(model, List.of(image))[0];
    }

    private static GrayF32 map(float[] values, PixelImage image, String method, String label) {
        ImageMetadata m = ImageMetadata.builder().name(image.metadata().label("patch") + " " + method + " " + label)
                .build();
        return GrayF32.wrap(values, LesionTensors.SIDE, LesionTensors.SIDE, 0, LesionTensors.SIDE, m);
    }

    @Deactivate
    void close() {
        models.close();
    }
}
