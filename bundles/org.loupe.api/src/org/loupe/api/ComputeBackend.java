package org.loupe.api;

import java.util.List;

/**
 * A native computation library that providers use (TensorFlow, ...), registered as a service so that the command
 * line and the workbench can say what hardware is available without depending on the library.
 */
public interface ComputeBackend {

    /**
     * The devices the backend sees; may load the native library on first call.
     *
     * @throws LoupeException PROVIDER if the backend cannot start (e.g. its native library is missing)
     */
    List<ComputeDevice> devices() throws LoupeException;

    /** The backend's name and version, e.g. "TensorFlow 2.18.0". */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * One line for display, saying whether a GPU is visible and which: e.g. "TensorFlow 2.18.0: CPU; no GPU visible"
     * or "TensorFlow 2.18.0: CPU, GPU; GPU /device:GPU:0 (NVIDIA H100, 79.1 GiB)". Never throws.
     */
    default String summary() {
        try {
            List<ComputeDevice> devices = devices();
            List<String> gpus = devices.stream().filter(d -> d.type().equals("GPU"))
                    .map(d -> d.name() + " (" + d.description() + ")").toList();
            return name() + ": " + String.join(", ", devices.stream().map(ComputeDevice::type).distinct().toList())
                    + (gpus.isEmpty() ? "; no GPU visible" : "; GPU " + String.join(", ", gpus));
        } catch (LoupeException e) {
            return name() + ": unavailable (" + e.getMessage() + ")";
        }
    }
}
