package org.loupe.registry;

/** Whether a provider can be used. */
public enum Health {
    /** Registered and not used yet: nothing about it has been loaded or run. */
    READY,
    /** Activated and answering calls. */
    ACTIVE,
    /** Failed to activate or threw an unexpected exception; calls to it are refused until it is re-registered. */
    FAULTY
}
