package org.loupe.detect.template.internal;

import java.util.ArrayList;
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
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelCache;
import org.loupe.tensorflow.train.Dihedral;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Finds PCB defects by comparing a tested board with its defect-free template: alignment check, difference,
 * cleanup and connected components give candidates, and a small network trained by {@code loupe train
 * detect.template} names each candidate's defect type (or rejects it) and refines its box.
 */
@Component(service = DefectDetector.class)
@LoupeProvider(id = "detect.template", name = "Template-comparison PCB defect detector", version = "1.1.0",
        model = "detect.template 2026-11-27T18:58:11.075686766Z",
        accelerator = Accelerator.GPU_OPTIONAL, inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "RGB:UINT8:3"},
        description = "Board against its template: registration, difference, components, then a learned classifier "
                + "of DeepPCB's six defect types with box refinement. Needs the board's template as its reference.")
public final class TemplateDetector implements DefectDetector {

    /** Views per candidate: the best of 1, 2, 4 and 8 on DeepPCB's validation pairs (docs/MODELS.md). */
    private static final int VIEWS = 4;
    /** Probability from which one view suffices: chosen on DeepPCB's validation pairs (docs/MODELS.md). */
    private static final double SURE = 0.99;
    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(TemplateDetector.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "A model folder written by 'loupe train detect.template', or several "
                    + "separated by commas whose class probabilities are averaged; the shipped model if empty."),
            ParameterSpec.real("min-score", 0.05, 0, 1, "Smallest confidence reported."),
            ParameterSpec.integer("views", VIEWS, 1, Dihedral.COUNT, 1, "Turned and mirrored views of each "
                    + "candidate whose class probabilities are averaged (1: the candidate as it is)."),
            ParameterSpec.real("sure", SURE, 0, 1, "Candidates whose unturned view gives a class this probability "
                    + "keep that answer without the further views (1: every candidate gets them)."),
            ParameterSpec.integer("radius", TemplateComparison.Settings.DEFAULT.radius(), 0, 32, 1,
                    "Largest misalignment searched, in pixels."),
            ParameterSpec.integer("min-area", TemplateComparison.Settings.DEFAULT.minArea(), 1, 10000, 1,
                    "Smallest candidate difference, in pixels."),
            ParameterSpec.real("max-mismatch", TemplateComparison.Settings.DEFAULT.maxMismatch(), 0, 1,
                    "Fraction of differing pixels after alignment above which the pair is flagged with a warning "
                    + "(and still inspected)."),
            ParameterSpec.real("refuse-mismatch", TemplateComparison.Settings.DEFAULT.refuseMismatch(), 0, 1,
                    "Fraction above which the template is refused as another board's."));

    private final ModelCache models = new ModelCache(TemplateDetector.class, "/models/template/", DESCRIPTOR.id());

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Detection> detect(PixelImage image, PixelImage reference, ProcessingContext ctx)
            throws LoupeException {
        if (reference == null) {
            throw LoupeException.badInput(image.metadata().label("the image"), "detect.template compares a "
                    + "board with its defect-free template; give the board's template as the reference");
        }
        DESCRIPTOR.requireAccepted(image);
        DESCRIPTOR.requireAccepted(reference);
        Parameters p = ctx.parameters();
        List<ModelHandle> members = new ArrayList<>();
        for (String folder : p.getString("model").split(",", -1)) {
            members.add(models.get(folder.strip()));
        }
        TemplateComparison c = TemplateComparison.of(image, reference, new TemplateComparison.Settings(
                p.getInt("radius"), p.getInt("min-area"), p.getDouble("max-mismatch"),
                Math.max(p.getDouble("max-mismatch"), p.getDouble("refuse-mismatch"))), ctx::warn);
        ctx.checkCancelled();
        List<Detection> found = CandidateClassifier.classify(members, c, p.getDouble("min-score"),
                p.getInt("views"), p.getDouble("sure"));
        ctx.checkCancelled();
        return found;
    }

    @Deactivate
    void close() {
        models.close();
    }
}
