package org.loupe.tensorflow;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.loupe.api.ComputeSettings;
import org.loupe.api.LoupeException;

/**
 * The models a learned provider has loaded, by folder and device choice: its shipped model (empty folder name) or ones
 * the user trained, each loaded once per {@link ComputeSettings#device()} and closed with the provider.
 */
public final class ModelCache {

    private final Class<?> anchor;
    private final String shippedFolder;
    private final String providerId;
    private final Map<String, ModelHandle> models = new HashMap<>();

    /**
     * @param anchor        a class of the bundle that ships the model
     * @param shippedFolder the shipped model's resource folder, e.g. "/models/xray/"
     * @param providerId    the provider, for messages
     */
    public ModelCache(Class<?> anchor, String shippedFolder, String providerId) {
        this.anchor = anchor;
        this.shippedFolder = shippedFolder;
        this.providerId = providerId;
    }

    /** The model in {@code folder}, or the shipped one when it is blank. */
    public synchronized ModelHandle get(String folder) throws LoupeException {
        String path = folder.isBlank() ? "" : Path.of(folder).toAbsolutePath().normalize().toString();
        // a session keeps the devices it was opened with: a new choice needs a new session
        String key = ComputeSettings.device() + " " + path;
        ModelHandle handle = models.get(key);
        if (handle == null) {
            handle = path.isEmpty() ? ShippedModels.load(anchor, shippedFolder, providerId)
                    : ModelHandle.load(Path.of(path));
            models.put(key, handle);
        }
        return handle;
    }

    /** Closes every model. */
    public synchronized void close() {
        models.values().forEach(ModelHandle::close);
        models.clear();
    }
}
