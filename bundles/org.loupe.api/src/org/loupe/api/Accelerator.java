package org.loupe.api;

/** What hardware a provider computes on, shown to users so they know what to expect of its speed. */
public enum Accelerator {
    /** Plain Java on the CPU. */
    NONE,
    /** A native library on the CPU (e.g. TensorFlow CPU). */
    NATIVE_CPU,
    /** A GPU when one is visible, else the CPU. */
    GPU_OPTIONAL
}
