package org.loupe.api;

/**
 * A device a compute backend can run on, for display ("is a GPU visible, which one").
 *
 * @param name        the backend's name for it, e.g. "/device:GPU:0"
 * @param type        "CPU" or "GPU"
 * @param description what it is, e.g. a GPU model and memory; may be empty
 * @param memoryBytes memory available to the backend on it; 0 if unknown
 */
public record ComputeDevice(String name, String type, String description, long memoryBytes) {
}
