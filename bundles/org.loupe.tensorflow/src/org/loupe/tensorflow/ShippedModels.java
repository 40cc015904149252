package org.loupe.tensorflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.image.io.AtomicFiles;

/**
 * Loads a model shipped inside a plugin bundle. TensorFlow reads SavedModels only from folders, so the files are
 * copied from the bundle into a scratch folder, loaded, and the copy deleted.
 */
public final class ShippedModels {

    /** A SavedModel's files as {@link ModelExport} writes them, plus the sidecar. */
    private static final List<String> FILES = List.of("saved_model.pb", "variables/variables.index",
            "variables/variables.data-00000-of-00001", ModelSidecar.FILE_NAME);

    private ShippedModels() {
    }

    /**
     * Loads the model stored under {@code folder} (e.g. "/models/xray/") among the resources of {@code anchor}'s
     * bundle.
     *
     * @param providerId the provider that ships it, for messages
     * @throws LoupeException USAGE when this build has no shipped model, PROVIDER when it cannot be unpacked
     */
    public static ModelHandle load(Class<?> anchor, String folder, String providerId) throws LoupeException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("loupe-model");
            for (String name : FILES) {
                try (InputStream in = anchor.getResourceAsStream(folder + name)) {
                    if (in == null) {
                        throw LoupeException.usage("this build of " + providerId + " has no shipped model (" + folder
                                + name + "); train one for " + providerId + " and set the parameter "
                                + "model=FOLDER");
                    }
                    Path target = dir.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
            return ModelHandle.load(dir);
        } catch (IOException e) {
            throw LoupeException.provider(providerId, "cannot unpack its shipped model (" + e.getMessage() + ")", e);
        } finally {
            AtomicFiles.deleteScratch(dir);
        }
    }
}
