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

    /**
     * Unexpected exceptions in a row after which a provider is disabled. One input that trips a bug must not cost a
     * batch all its other items; a provider that fails on everything is stopped soon all the same.
     */
    static final int FAILURES_TO_DISABLE = 3;

    private final ProviderDescriptor descriptor;
    private final ComponentServiceObjects<S> objects;
    private final Runnable onChange;
    private final FailureLookup failureLookup;
    private S service;
    private boolean removed;
    private volatile Health health = Health.READY;
    private volatile String failure = "";
    private int failuresInARow;

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
            R r = call.apply(s);
            succeeded();
            return r;
        } catch (LoupeException e) {
            throw e;
        } catch (LinkageError e) {
            // broken wiring or a missing native library: no later call can do better
            markFaulty(describe(e), e);
            throw LoupeException.provider(descriptor.id(), "failed: " + failure, e);
        } catch (Exception e) {
            String why = describe(e);
            failed(why, e);
            throw LoupeException.provider(descriptor.id(), "failed: " + why, e);
        }
    }

    private static String describe(Throwable e) {
        return (e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                .replaceAll("\\s+", " ").strip();
    }

    private synchronized void succeeded() {
        failuresInARow = 0;
    }

    private synchronized void failed(String why, Throwable cause) {
        if (++failuresInARow >= FAILURES_TO_DISABLE) {
            markFaulty(why + " (" + FAILURES_TO_DISABLE + " calls in a row failed)", cause);
        } else {
            LOG.log(Level.ERROR, "Provider " + descriptor.id() + " " + descriptor.version() + " from bundle "
                    + descriptor.bundle() + " " + descriptor.bundleVersion() + " failed: " + why, cause);
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
