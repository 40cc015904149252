package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Hashtable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Service lookup for tests that run inside Equinox. It starts Loupe's bundles the way the product's launcher does
 * (honouring their lazy activation policy, so DS publishes their components) and waits for a service to appear.
 */
public final class OsgiServices {

    private static final long TIMEOUT_MS = 20_000;

    private OsgiServices() {
    }

    /** This test support bundle's context; the bundle is started if needed. */
    public static BundleContext context() {
        Bundle self = FrameworkUtil.getBundle(OsgiServices.class);
        assertNotNull(self, "must run inside OSGi");
        try {
            if (self.getBundleContext() == null) {
                self.start();
            }
            for (Bundle b : self.getBundleContext().getBundles()) {
                boolean fragment = b.getHeaders().get("Fragment-Host") != null;
                if (b.getSymbolicName().startsWith("org.loupe.") && !fragment && b.getState() != Bundle.ACTIVE) {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                }
            }
        } catch (BundleException e) {
            throw new IllegalStateException("could not start Loupe's bundles", e);
        }
        return self.getBundleContext();
    }

    /** Waits up to 20 s for a service and returns it; fails the test if none appears. */
    public static <T> T await(Class<T> type) {
        return await(new ServiceTracker<>(context(), type, null), type.getSimpleName());
    }

    /**
     * Waits up to 20 s for the provider with this id and returns the service object itself (for contract tests of
     * a plugin whose classes are not exported); fails the test if none appears.
     */
    public static <T> T provider(Class<T> contract, String id) {
        try {
            Filter filter = FrameworkUtil.createFilter("(&(objectClass=" + contract.getName() + ")(loupe.id=" + id
                    + "))");
            return await(new ServiceTracker<T, T>(context(), filter, null), contract.getSimpleName() + " " + id);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a provider id: " + id, e);
        }
    }

    /**
     * Registers a test provider with the service properties the registry reads (id, version 1.0.0 and, if given,
     * accepted input types); unregister it when the test ends.
     */
    public static <T> ServiceRegistration<T> register(Class<T> contract, String id, T provider,
            String... inputTypes) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("loupe.id", id);
        props.put("loupe.version", "1.0.0");
        if (inputTypes.length > 0) {
            props.put("loupe.inputTypes", inputTypes);
        }
        return context().registerService(contract, provider, props);
    }

    private static <T> T await(ServiceTracker<T, T> tracker, String what) {
        tracker.open();
        try {
            T service = tracker.waitForService(TIMEOUT_MS);
            assertNotNull(service, what + " was not registered within " + TIMEOUT_MS + " ms");
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            tracker.close();
        }
    }
}
