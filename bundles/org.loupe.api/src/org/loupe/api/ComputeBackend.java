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
}
