package org.loupe.fuzz;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.loupe.api.ComputeBackend;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;
import org.loupe.registry.ServiceCall;

/**
 * A registry in which every id names a provider of whatever contract is asked for, declaring {@link Specs#ALL}: the
 * pipeline reader then gets past the provider check to every parameter, whatever ids the fuzzer invents, except the
 * id "unknown", which is refused as a real registry refuses it.
 */
final class FakeRegistry implements ProviderRegistry {

    @Override
    public List<ProviderStatus> providers() {
        return List.of();
    }

    @Override
    public List<ProviderStatus> providers(ProviderKind kind) {
        return List.of();
    }

    @Override
    public <S extends LoupeService> ProviderHandle<S> provider(String id, Class<S> contract) throws LoupeException {
        if (id.equals("unknown")) {
            throw LoupeException.provider(id, "no such provider", null);
        }
        S service = contract.cast(Proxy.newProxyInstance(FakeRegistry.class.getClassLoader(),
                new Class<?>[] {contract}, (proxy, method, args) -> {
                    if (method.getName().equals("parameters")) {
                        return Specs.ALL;
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not called by a reader");
                }));
        ProviderDescriptor d = new ProviderDescriptor(id, ProviderKind.ENHANCER, id, "1.0.0", "", List.of(), null,
                "", "", 0, "");
        return new ProviderHandle<>() {
            @Override
            public ProviderDescriptor descriptor() {
                return d;
            }

            @Override
            public Health health() {
                return Health.READY;
            }

            @Override
            public <R> R call(ServiceCall<S, R> call) throws LoupeException {
                return call.apply(service);
            }
        };
    }

    @Override
    public List<ComputeBackend> backends() {
        return List.of();
    }

    @Override
    public <S extends LoupeService> Optional<ProviderHandle<S>> best(Class<S> contract, ImageType input) {
        return Optional.empty();
    }

    @Override
    public void addListener(Runnable listener) {
    }

    @Override
    public void removeListener(Runnable listener) {
    }
}
