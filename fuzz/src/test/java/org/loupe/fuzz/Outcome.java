package org.loupe.fuzz;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.loupe.api.LoupeException;

/**
 * The property every fuzz target checks: a parser given any bytes ends in a result or in a {@link LoupeException} of
 * the reasons the caller is promised (INPUT for files, USAGE for what a user typed). Anything else (another
 * exception, a LoupeException of another reason, an error) escapes and is a finding.
 */
final class Outcome {

    /** What a parser run on fuzzed input does. */
    interface Parse {
        /** Parses; the result is dropped. */
        void run() throws Exception;
    }

    private Outcome() {
    }

    /** Runs {@code parse}; a LoupeException of another reason than {@code allowed} is rethrown as a finding. */
    static void expect(Parse parse, LoupeException.Reason... allowed) throws Exception {
        Set<LoupeException.Reason> ok = EnumSet.noneOf(LoupeException.Reason.class);
        ok.addAll(Arrays.asList(allowed));
        try {
            parse.run();
        } catch (LoupeException e) {
            if (!ok.contains(e.reason())) {
                throw new AssertionError("a " + e.reason() + " failure where only " + ok + " is promised: "
                        + e.getMessage(), e);
            }
            if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                throw new AssertionError("a failure message must be one line: '" + e.getMessage() + "'", e);
            }
        }
    }
}
