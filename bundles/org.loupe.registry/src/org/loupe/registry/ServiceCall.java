package org.loupe.registry;

import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;

/** A call into provider code, made through {@link ProviderHandle#call} so that its failures are isolated. */
@FunctionalInterface
public interface ServiceCall<S extends LoupeService, R> {

    /** Calls the provider. */
    R apply(S service) throws LoupeException;
}
