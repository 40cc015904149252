package org.loupe.api;

import java.util.List;

/**
 * The common parent of every provider contract. Each contract adds exactly one required method; what a provider
 * declares about itself without running (id, version, accepted types) lives in {@link LoupeProvider}.
 */
public interface LoupeService {

    /**
     * The parameters this provider accepts, with types, defaults and ranges. Callers validate user input against
     * them (see {@link Parameters#bind}) before calling the provider, so unknown keys and bad values never reach it.
     */
    default List<ParameterSpec> parameters() {
        return List.of();
    }
}
