package org.loupe.cli.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.loupe.api.LoupeException;
import picocli.CommandLine.Option;

/** The {@code --timeout} option of the commands that work through a batch of inputs. */
final class TimeoutOption {

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up on an input that takes longer: it is "
            + "recorded as a provider failure (exit 4) and the others go on (default: no limit).")
    double seconds;

    /**
     * The limit, or null for none.
     *
     * @throws LoupeException USAGE for a negative or non-numeric value
     */
    Duration limit() throws LoupeException {
        if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw LoupeException.usage("--timeout must be a number of seconds above 0, got " + seconds);
        }
        return seconds > 0 ? Duration.ofMillis(Math.max(1, Math.round(seconds * 1000))) : null;
    }

    /** A result that came after its input's time limit is not written: the input is already recorded as failed. */
    static void unlessExpired(BooleanSupplier expired) throws LoupeException {
        if (expired.getAsBoolean()) {
            throw LoupeException.cancelled();
        }
    }
}
