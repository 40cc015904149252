package org.loupe.cli.internal;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.loupe.registry.ProviderRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The headless Equinox application behind {@code ./loupe}: finds the provider registry and runs the command line. */
public final class LoupeApplication implements IApplication {

    private static final long REGISTRY_TIMEOUT_MS = 30_000;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        context.applicationRunning();
        Logging.toFile();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        BundleContext bundles = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<ProviderRegistry, ProviderRegistry> tracker = new ServiceTracker<>(bundles,
                ProviderRegistry.class, null);
        tracker.open();
        try {
            ProviderRegistry registry = tracker.waitForService(REGISTRY_TIMEOUT_MS);
            if (registry == null) {
                err.println("loupe: the provider registry did not start (is org.loupe.registry installed?)");
                err.flush();
                return Cli.INTERNAL_ERROR;
            }
            return new Cli(registry, out, err).run(args);
        } finally {
            tracker.close();
        }
    }

    @Override
    public void stop() {
        // commands are short-lived and stop on their own
    }
}
