package org.loupe.registry;

/** Whether a provider can be used. */
public enum Health {
    /** Registered and not used yet: nothing about it has been loaded or run. */
    READY,
    /** Activated and answering calls. */
    ACTIVE,
    /**
     * Failed to activate, hit a linkage error, or threw unexpected exceptions on several calls in a row; calls to it
     * are refused until it is re-registered.
     */
    FAULTY
}
