package org.loupe.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;

/**
 * The batch policy for a loop over inputs that is not a pipeline run (the command line's enhance, detect, classify
 * and eval detect): an input that is bad or makes the provider fail is reported and recorded, and the loop goes on;
 * the exit code is the worst class met. A usage error stops the loop at once (it would fail every input alike), and
 * so does any failure under fail-fast. With a time limit ({@code --timeout}), an input that takes longer is asked to
 * stop and recorded as a provider failure ({@link ItemTimeout}).
 */
public final class BatchPolicy {

    /** One work item's step that may fail with a {@link LoupeException}. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work for one input. */
        T run() throws LoupeException;
    }

    /** One input's work, given a flag that turns true once its time limit has passed; outputs are written only if not. */
    @FunctionalInterface
    public interface TimedWork<T> {
        /** Does the work for one input, asking {@code expired} before it writes anything. */
        T run(BooleanSupplier expired) throws LoupeException;
    }

    /**
     * An input that failed.
     *
     * @param input     the input, as named to the user
     * @param message   the one-line reason
     * @param exitClass 3 bad input, 4 provider failure
     */
    public record Failure(String input, String message, int exitClass) {
    }

    private final boolean failFast;
    private final Duration limit;
    private final Consumer<LoupeException> report;
    private final List<Failure> failures = new ArrayList<>();

    /**
     * @param failFast stop at the first failure
     * @param report   hears each failure as it happens (the command line prints it)
     */
    public BatchPolicy(boolean failFast, Consumer<LoupeException> report) {
        this(failFast, null, report);
    }

    /**
     * @param failFast stop at the first failure
     * @param limit    the longest one input may take, or null for no limit
     * @param report   hears each failure as it happens (the command line prints it)
     */
    public BatchPolicy(boolean failFast, Duration limit, Consumer<LoupeException> report) {
        this.failFast = failFast;
        this.limit = limit;
        this.report = report;
    }

    /**
     * Runs one input's work under the policy.
     *
     * @return its result, or empty if it failed (the failure is recorded and reported)
     * @throws LoupeException a usage error, a cancellation, or any failure under fail-fast
     */
    public <T> Optional<T> item(String input, Work<T> work) throws LoupeException {
        return item(input, expired -> work.run());
    }

    /**
     * Runs one input's work under the policy and its time limit.
     *
     * @return its result, or empty if it failed or ran out of time (recorded and reported)
     * @throws LoupeException a usage error, a cancellation, or any failure under fail-fast
     */
    public <T> Optional<T> item(String input, TimedWork<T> work) throws LoupeException {
        try {
            if (limit == null) {
                return Optional.ofNullable(work.run(() -> false));
            }
            ItemTimeout.Timed<T> t = ItemTimeout.call(limit, input, work);
            if (t.overrun() != null) {
                throw new LoupeException(LoupeException.Reason.PROVIDER, input + ": " + t.overrun());
            }
            return Optional.ofNullable(t.value());
        } catch (LoupeException e) {
            if (failFast || e.reason() == LoupeException.Reason.USAGE
                    || e.reason() == LoupeException.Reason.CANCELLED) {
                throw e;
            }
            report.accept(e);
            failures.add(new Failure(input, e.getMessage(), e.reason().exitCode()));
            return Optional.empty();
        }
    }

    /** The inputs that failed so far, in order. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** 0 if no input failed, else the largest failure class. */
    public int exitCode() {
        return failures.stream().mapToInt(Failure::exitClass).max().orElse(0);
    }
}
