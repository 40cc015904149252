package org.loupe.detect.classic.internal;

import java.nio.file.Path;
import java.util.List;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;
import org.osgi.service.component.annotations.Component;

/**
 * {@code detect.classic}: defects found on a single image by classical image processing, no learning needed to run
 * and no TensorFlow: smoothing, departure from the row and column background, threshold, closing, connected regions
 * and a shape tree naming each region (see {@link ClassicPipeline}). Untrained it uses hand-set wafer rules; a model
 * folder made by {@code loupe train detect.classic} holds the settings and tree the grid search chose.
 */
@Component(service = DefectDetector.class)
@LoupeProvider(id = "detect.classic", name = "Classical defect detector", version = "1.0.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "RGB:UINT8:3"},
        description = "Blur, background, threshold, morphology, connected regions and shape rules on one image "
                + "(scratches, particles, cracks on wafers); trainable by grid search.")
public final class ClassicDetector implements DefectDetector {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(ClassicDetector.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "A model folder from 'loupe train detect.classic' (empty: the untrained "
                    + "wafer rules with the settings below)."),
            ParameterSpec.integer("blur", 3, 1, 31, 2, "Side of the smoothing box, odd."),
            ParameterSpec.integer("threshold", 20, 1, 255, 1, "Smallest departure from the background, in 8-bit grey "
                    + "levels."),
            ParameterSpec.integer("min-area", 6, 1, 1_000_000, 1, "Smallest region, in pixels."),
            ParameterSpec.bool("object", true, "Look only inside the bright object on a dark stage (a wafer)."),
            ParameterSpec.integer("edge", 6, 0, 1000, 1, "Rim of the object left out, in pixels."));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** A reference, if given, is not used: this detector works on the image alone. */
    @Override
    public List<Detection> detect(PixelImage image, PixelImage reference, ProcessingContext ctx)
            throws LoupeException {
        DESCRIPTOR.requireAccepted(image);
        ctx.checkCancelled();
        List<Detection> found = ClassicPipeline.detect(image, model(ctx.parameters()));
        ctx.progress(1, found.size() + " defects");
        return found;
    }

    /** Reads the model folder, if one is named, so that a broken one is known before any image is read. */
    @Override
    public boolean usesReference() {
        return false;
    }

    @Override
    public void prepare(Parameters parameters) throws LoupeException {
        model(parameters);
    }

    /** The model folder's model if one is named, else the untrained rules with the given settings. */
    static ClassicModel model(Parameters p) throws LoupeException {
        String folder = p.getString("model");
        if (!folder.isBlank()) {
            return ClassicModel.read(Path.of(folder));
        }
        return ClassicModel.defaults(new ClassicModel.Settings(p.getInt("blur"), p.getInt("threshold"),
                p.getInt("min-area"), p.getBoolean("object"), p.getInt("edge")));
    }
}
