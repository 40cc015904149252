package org.loupe.registry;

import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ProviderDescriptor;

/**
 * The way to call a provider: activates it on first use and isolates its failures. A {@link LoupeException} thrown by
 * the provider (bad input, bad parameter, cancellation) reaches the caller unchanged; any other exception or linkage
 * error marks the provider {@link Health#FAULTY}, is logged with the provider's id, version and bundle, and reaches
 * the caller as a one-line PROVIDER failure. Thread-safe.
 *
 * @param <S> the provider's service contract
 */
public interface ProviderHandle<S extends LoupeService> {

    /** What the provider declares. */
    ProviderDescriptor descriptor();

    /** Its current health. */
    Health health();

    /**
     * Calls the provider.
     *
     * @throws LoupeException the provider's own failure, or PROVIDER if it is faulty, gone or failed unexpectedly
     */
    <R> R call(ServiceCall<S, R> call) throws LoupeException;
}
