package org.loupe.registry.tests;

import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/** Enhancers registered by the tests themselves, with the properties DS would publish from @LoupeProvider. */
final class TestProviders {

    /** What a test enhancer does when called. */
    @FunctionalInterface
    interface Behaviour {
        PixelImage run(PixelImage input) throws LoupeException;
    }

    private TestProviders() {
    }

    static Hashtable<String, Object> properties(String id, int ranking, String... inputTypes) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("loupe.id", id);
        p.put("loupe.name", "Test " + id);
        p.put("loupe.version", "0.0." + ranking);
        p.put("loupe.inputTypes", inputTypes);
        p.put("service.ranking", ranking);
        return p;
    }

    /** Registers an enhancer behind a factory that counts activations; returns the registration. */
    static ServiceRegistration<ImageEnhancer> register(BundleContext ctx, Hashtable<String, Object> props,
            AtomicInteger activations, Behaviour behaviour) {
        ImageEnhancer enhancer = new ImageEnhancer() {
            @Override
            public PixelImage enhance(PixelImage input, ProcessingContext c) throws LoupeException {
                return behaviour.run(input);
            }
        };
        return ctx.registerService(ImageEnhancer.class, new ServiceFactory<ImageEnhancer>() {
            @Override
            public ImageEnhancer getService(Bundle bundle, ServiceRegistration<ImageEnhancer> registration) {
                activations.incrementAndGet();
                return enhancer;
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<ImageEnhancer> registration,
                    ImageEnhancer service) {
                // nothing held
            }
        }, props);
    }

    /** Registers an enhancer whose activation fails: its factory returns no service, as DS does when activate throws. */
    static ServiceRegistration<ImageEnhancer> registerUnactivatable(BundleContext ctx, Hashtable<String, Object> props) {
        return ctx.registerService(ImageEnhancer.class, new ServiceFactory<ImageEnhancer>() {
            @Override
            public ImageEnhancer getService(Bundle bundle, ServiceRegistration<ImageEnhancer> registration) {
                throw new IllegalStateException("model file missing");
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<ImageEnhancer> registration,
                    ImageEnhancer service) {
                // never handed out
            }
        }, props);
    }
}
