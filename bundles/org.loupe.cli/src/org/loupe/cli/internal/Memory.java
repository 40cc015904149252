package org.loupe.cli.internal;

import java.util.Locale;

/** What to tell a user whose command ran out of memory: how much Loupe may use and how to give it more. */
final class Memory {

    private static final double MB = 1024 * 1024;

    private Memory() {
    }

    /** The most memory this JVM may use, in megabytes. */
    static long maxMegabytes() {
        return Math.round(Runtime.getRuntime().maxMemory() / MB);
    }

    /**
     * What to say after an {@link OutOfMemoryError}: the work needs more than the JVM's limit, and a limit worth
     * trying (four times the present one, in whole gigabytes; what the work needs beyond the limit is unknown).
     */
    static String notEnough() {
        long max = maxMegabytes();
        long suggest = Math.max(2, (long) Math.ceil(max * 4 / 1024.0));
        return String.format(Locale.ROOT, "not enough memory (this needs more than the %d MB Loupe may use; give "
                + "it more, e.g. LOUPE_JAVA_OPTS=-Xmx%dg)", max, suggest);
    }
}
