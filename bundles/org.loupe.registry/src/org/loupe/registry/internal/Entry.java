package org.loupe.registry.internal;

import java.lang.System.Logger.Level;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ProviderDescriptor;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderStatus;
import org.loupe.registry.ServiceCall;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * One registered provider: its descriptor, its service objects (activated on first call, released when the service
 * goes away) and its health. This is where calls into provider code are isolated.
 */
final class Entry<S extends LoupeService> implements ProviderHandle<S> {

    private static final System.Logger LOG = System.getLogger("org.loupe.registry");

    private final ProviderDescriptor descriptor;
    private final ComponentServiceObjects<S> objects;
    private final Runnable onChange;
    private final FailureLookup failureLookup;
    private S service;
    private boolean removed;
    private volatile Health health = Health.READY;
    private volatile String failure = "";

    /** Finds why a component failed to activate, when the runtime can tell. */
    interface FailureLookup {
        String reasonFor(ServiceReference<?> reference);
    }

    Entry(ProviderDescriptor descriptor, ComponentServiceObjects<S> objects, Runnable onChange,
            FailureLookup failureLookup) {
        this.descriptor = descriptor;
        this.objects = objects;
        this.onChange = onChange;
        this.failureLookup = failureLookup;
    }

    ServiceReference<S> reference() {
        return objects.getServiceReference();
    }

    ProviderStatus status() {
        return new ProviderStatus(descriptor, health, failure);
    }

    @Override
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Health health() {
        return health;
    }

    @Override
    public <R> R call(ServiceCall<S, R> call) throws LoupeException {
        S s = service();
        try {
            return call.apply(s);
        } catch (LoupeException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            markFaulty(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            throw LoupeException.provider(descriptor.id(), "failed: " + failure, e);
        }
    }

    private synchronized S service() throws LoupeException {
        if (removed) {
            throw LoupeException.provider(descriptor.id(), "is no longer installed", null);
        }
        if (health == Health.FAULTY) {
            throw LoupeException.provider(descriptor.id(), "is faulty and was disabled (" + failure + ")", null);
        }
        if (service == null) {
            S s;
            try {
                s = objects.getService();
            } catch (Exception | LinkageError e) {
                s = null;
            }
            if (s == null) {
                String reason = failureLookup.reasonFor(reference());
                markFaulty("could not be activated" + (reason.isEmpty() ? "" : ": " + reason), null);
                throw LoupeException.provider(descriptor.id(), failure, null);
            }
            service = s;
            health = Health.ACTIVE;
            onChange.run();
        }
        return service;
    }

    private void markFaulty(String why, Throwable cause) {
        failure = why.replaceAll("\\s+", " ").strip();
        health = Health.FAULTY;
        LOG.log(Level.ERROR, "Provider " + descriptor.id() + " " + descriptor.version() + " from bundle "
                + descriptor.bundle() + " " + descriptor.bundleVersion() + " is faulty: " + failure, cause);
        onChange.run();
    }

    /** Releases the service when its registration goes away; later calls are refused. */
    synchronized void release() {
        removed = true;
        if (service != null) {
            try {
                objects.ungetService(service);
            } catch (IllegalStateException e) {
                // the providing bundle is already stopping; nothing left to release
            }
            service = null;
        }
    }
}
