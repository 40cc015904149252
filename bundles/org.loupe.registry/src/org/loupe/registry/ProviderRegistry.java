package org.loupe.registry;

import java.util.List;
import java.util.Optional;
import org.loupe.api.ComputeBackend;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;

/**
 * Every provider installed, found through OSGi Declarative Services. Listing reads service properties only, so no
 * provider is loaded or activated until it is called through a {@link ProviderHandle}. The registry only tracks and
 * looks up; it runs nothing itself. Thread-safe.
 */
public interface ProviderRegistry {

    /** All providers, ordered by kind, then id, then preference (service ranking). */
    List<ProviderStatus> providers();

    /** The providers of one kind, in the same order. */
    List<ProviderStatus> providers(ProviderKind kind);

    /**
     * The preferred provider with the given id and contract (highest service ranking if several share the id;
     * providers of other kinds may share it too, e.g. a trainer and the enhancer whose model it trains).
     *
     * @throws LoupeException PROVIDER if no provider has that id, naming the known ones, or if it has another kind
     */
    <S extends LoupeService> ProviderHandle<S> provider(String id, Class<S> contract) throws LoupeException;

    /** The compute backends installed (TensorFlow, ...), to say which devices providers can run on. */
    List<ComputeBackend> backends();

    /** The preferred healthy provider of a contract that accepts the given image type, if any. */
    <S extends LoupeService> Optional<ProviderHandle<S>> best(Class<S> contract, ImageType input);

    /** Runs {@code listener} whenever providers come, go or change health; it may be called from any thread. */
    void addListener(Runnable listener);

    /** Stops notifying {@code listener}. */
    void removeListener(Runnable listener);
}
