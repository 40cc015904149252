package org.loupe.numerics;

/**
 * Whether the explicit vector code paths may run: the JDK's incubating Vector API (module
 * {@code jdk.incubator.vector}) must be in the boot layer ({@code --add-modules jdk.incubator.vector}, as
 * {@code ./loupe} and the test runs pass it) and visible to this bundle (the framework property
 * {@code org.osgi.framework.system.packages.extra=jdk.incubator.vector}); {@code -Dloupe.simd=false} turns them off.
 * Every vector path has a plain-Java twin that computes the same values; the tests compare the two.
 */
public final class Simd {

    private static final boolean AVAILABLE = detect();

    private Simd() {
    }

    /** Whether the vector paths are on. */
    public static boolean enabled() {
        return AVAILABLE && !"false".equals(System.getProperty("loupe.simd"));
    }

    private static boolean detect() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            Class.forName("jdk.incubator.vector.ByteVector", false, Simd.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
