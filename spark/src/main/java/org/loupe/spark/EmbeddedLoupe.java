package org.loupe.spark;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loupe's own OSGi framework started inside this JVM from a product folder, once per JVM, and the pipeline service it
 * offers ({@code loupe.embed=pipeline}). The framework gets a class loader of its own whose parent is the JDK's
 * platform loader, so nothing on Spark's class path (its Jackson, Guava, Netty) is seen by a bundle; the two sides
 * share only {@code java.util.function.Function} and strings of JSON.
 */
public final class EmbeddedLoupe {

    private static final long SERVICE_WAIT_MILLIS = 120_000;
    private static EmbeddedLoupe instance;

    private final Path product;
    private final Function<String, String> bridge;
    private final long startMillis;

    private EmbeddedLoupe(Path product, Function<String, String> bridge, long startMillis) {
        this.product = product;
        this.bridge = bridge;
        this.startMillis = startMillis;
    }

    /**
     * The framework of this JVM, started from {@code product} on first use.
     *
     * @throws IllegalStateException if it cannot start, or was started from another product
     */
    public static synchronized EmbeddedLoupe in(Path product) {
        Path p = product.toAbsolutePath().normalize();
        if (instance == null) {
            instance = start(p);
        } else if (!instance.product.equals(p)) {
            throw new IllegalStateException("this JVM runs Loupe from " + instance.product + ", not " + p);
        }
        return instance;
    }

    /** How long the framework took to start and offer its pipeline service, in milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** Sends one request to the pipeline service and returns its answer (both JSON). */
    public String call(String request) {
        return bridge.apply(request);
    }

    private static EmbeddedLoupe start(Path product) {
        long t0 = System.nanoTime();
        try {
            Path osgi = only(product.resolve("plugins"), "org.eclipse.osgi_");
            FrameworkLoader loader = new FrameworkLoader(osgi.toUri().toURL());
            Class<?> starter = loader.loadClass("org.eclipse.core.runtime.adaptor.EclipseStarter");
            Path state = Files.createTempDirectory("loupe-osgi-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(starter, state), "loupe-osgi-stop"));
            starter.getMethod("setInitialProperties", Map.class).invoke(null, properties(product, osgi, state));
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Object context;
            try {
                Thread.currentThread().setContextClassLoader(loader);
                context = starter.getMethod("startup", String[].class, Runnable.class).invoke(null,
                        new String[] {"-data", "@none"}, null);
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
            Function<String, String> bridge = await(context);
            return new EmbeddedLoupe(product, bridge, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot start Loupe from " + product + ": " + cause, cause);
        }
    }

    /** What the launcher would set: the product's shared configuration, a private writable one, no application. */
    private static Map<String, String> properties(Path product, Path osgi, Path state) {
        Map<String, String> p = new HashMap<>();
        p.put("osgi.install.area", product.toUri().toString());
        p.put("osgi.framework", osgi.toUri().toString());
        p.put("osgi.sharedConfiguration.area", product.resolve("configuration").toUri().toString());
        p.put("osgi.configuration.area", state.toUri().toString());
        p.put("osgi.instance.area", "@none");
        p.put("eclipse.ignoreApp", "true");
        p.put("osgi.noShutdown", "true");
        p.put("osgi.parentClassloader", "boot");
        p.put("java.awt.headless", "true");
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            p.put("org.osgi.framework.system.packages.extra", "jdk.incubator.vector");
        }
        // JavaCPP unpacks TensorFlow's native library once per user, not once per executor
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", Path.of(System.getProperty("user.home"), ".loupe",
                    "cache", "javacpp").toString());
        }
        return p;
    }

    /** Waits for the pipeline service: Declarative Services registers it shortly after the bundles start. */
    @SuppressWarnings("unchecked")
    private static Function<String, String> await(Object context) throws ReflectiveOperationException {
        long deadline = System.currentTimeMillis() + SERVICE_WAIT_MILLIS;
        ClassLoader osgi = context.getClass().getClassLoader();
        Class<?> contextType = osgi.loadClass("org.osgi.framework.BundleContext");
        var find = contextType.getMethod("getServiceReferences", String.class, String.class);
        var get = contextType.getMethod("getService", osgi.loadClass("org.osgi.framework.ServiceReference"));
        while (true) {
            Object refs = find.invoke(context, Function.class.getName(), "(loupe.embed=pipeline)");
            if (refs != null && Array.getLength(refs) > 0) {
                return (Function<String, String>) get.invoke(context, Array.get(refs, 0));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the product's framework started, but its pipeline service did not "
                        + "appear within " + SERVICE_WAIT_MILLIS / 1000 + " s (is org.loupe.embed installed?)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Loupe started", e);
            }
        }
    }

    private static void stop(Class<?> starter, Path state) {
        try {
            starter.getMethod("shutdown").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the JVM is ending; the framework's state folder is removed below either way
        }
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static Path only(Path plugins, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(plugins)) {
            return s.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IOException("no " + prefix + "*.jar in " + plugins));
        }
    }

    /**
     * The framework's class loader. Its {@code addURL} is public so that Equinox can add framework extensions (the
     * product's {@code org.eclipse.osgi.compatibility.state}) as the Eclipse launcher's own loader lets it.
     */
    static final class FrameworkLoader extends URLClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        FrameworkLoader(URL framework) {
            super(new URL[] {framework}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        public void addURL(URL url) {
            super.addURL(url);
        }
    }
}
