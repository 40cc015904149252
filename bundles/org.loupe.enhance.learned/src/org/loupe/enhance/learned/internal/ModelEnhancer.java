package org.loupe.enhance.learned.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.Accelerator;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.numerics.Bands;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Runs a trained Loupe model folder (a SavedModel with its sidecar, e.g. one written by {@code loupe train
 * enhance.model}) as an enhancer. Large images go through tiled inference; a one-channel model applies to each band
 * of a colour image. Loaded models stay open, keyed by folder and sidecar time, until the component goes away.
 */
@Component(service = ImageEnhancer.class)
@LoupeProvider(id = "enhance.model", name = "Trained model", version = "1.0.0",
        accelerator = Accelerator.GPU_OPTIONAL,
        description = "Runs a trained model folder (see 'loupe train enhance.model'); keeps bit depth.")
public final class ModelEnhancer implements ImageEnhancer {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(ModelEnhancer.class);

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "The model folder: a SavedModel with its " + ModelSidecar.FILE_NAME
                    + "."));

    private record Key(Path folder, FileTime modified) {
    }

    private final Map<Key, ModelHandle> models = new HashMap<>();

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public PixelImage enhance(PixelImage input, ProcessingContext ctx) throws LoupeException {
        String folder = ctx.parameters().getString("model");
        if (folder.isBlank()) {
            throw LoupeException.usage("enhance.model needs a model folder: set the parameter model=FOLDER");
        }
        ModelHandle model = model(Path.of(folder));
        ModelSidecar s = model.sidecar();
        PixelImage out;
        if (s.channels() == input.bands()) {
            out = model.applyTiled(input, input.type().pixelType(), ctx);
        } else if (s.channels() == 1) {
            out = Bands.perBand(input, band -> model.applyTiled(band, band.type().pixelType(), ctx));
        } else {
            throw LoupeException.badInput(input.metadata().name(), "has " + input.bands() + " bands; model "
                    + s.id() + " takes " + s.channels());
        }
        return out.withMetadata(input.metadata().withStep(DESCRIPTOR.id(), DESCRIPTOR.versionWithModel(s.id(),
                s.version())));
    }

    @Override
    public ImageType outputType(ImageType input) {
        return input;
    }

    private synchronized ModelHandle model(Path folder) throws LoupeException {
        Path dir = folder.toAbsolutePath().normalize();
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(dir.resolve(ModelSidecar.FILE_NAME));
        } catch (IOException e) {
            modified = FileTime.fromMillis(0); // the load below names what is missing
        }
        // a retrained model gets a new key; the old handle stays open, as another thread may still be running it
        Key key = new Key(dir, modified);
        ModelHandle handle = models.get(key);
        if (handle == null) {
            handle = ModelHandle.load(dir);
            models.put(key, handle);
        }
        return handle;
    }

    @Deactivate
    synchronized void close() {
        models.values().forEach(ModelHandle::close);
        models.clear();
    }
}
