package org.loupe.api;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a provider gets besides its input: validated parameters, a way to report progress and a way to learn that the
 * caller cancelled. Providers check {@link #checkCancelled()} at least once per row strip (see {@link RowStrips}).
 *
 * <p>Implementations are thread-safe: providers may report progress and poll cancellation from worker threads.
 */
public interface ProcessingContext {

    /** The validated parameter values. */
    Parameters parameters();

    /** Whether the caller asked to stop. */
    boolean isCancelled();

    /**
     * Reports progress; may be called from any thread.
     *
     * @param fraction done so far, 0..1
     * @param message  what is being done, short
     */
    void progress(double fraction, String message);

    /**
     * Flags something about the input that the caller should know while the work goes on (e.g. a template that lines
     * up worse than usual): batches record it with the item, the command line prints it. May be called from any
     * thread; ignored by default.
     *
     * @param message one line
     */
    default void warn(String message) {
    }

    /**
     * Stops the work if the caller cancelled.
     *
     * @throws LoupeException with reason CANCELLED
     */
    default void checkCancelled() throws LoupeException {
        if (isCancelled()) {
            throw LoupeException.cancelled();
        }
    }

    /**
     * This context with other parameters, for work handed to another provider (a chain of several, each with its
     * own parameters): the same cancellation, progress and warnings.
     */
    default ProcessingContext withParameters(Parameters values) {
        ProcessingContext whole = this;
        return new ProcessingContext() {
            @Override
            public Parameters parameters() {
                return values;
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }

            @Override
            public void progress(double fraction, String message) {
                whole.progress(fraction, message);
            }

            @Override
            public void warn(String message) {
                whole.warn(message);
            }
        };
    }

    /**
     * This context for one part of the work: the same parameters, cancellation and warnings, with progress 0..1
     * reported as {@code start..end} of the whole (e.g. one slice of a volume).
     */
    default ProcessingContext within(double start, double end) {
        ProcessingContext whole = this;
        return new ProcessingContext() {
            @Override
            public Parameters parameters() {
                return whole.parameters();
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }

            @Override
            public void progress(double fraction, String message) {
                whole.progress(start + (end - start) * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public void warn(String message) {
                whole.warn(message);
            }
        };
    }

    /** A context without parameters that is never cancelled and ignores progress, for direct library calls. */
    static ProcessingContext none() {
        return builder().build();
    }

    /** A context with the given parameters that is never cancelled and ignores progress. */
    static ProcessingContext of(Parameters parameters) {
        return builder().parameters(parameters).build();
    }

    /** A builder for contexts with cancellation and progress listeners. */
    static Builder builder() {
        return new Builder();
    }

    /** Receives progress reports; must be thread-safe. */
    @FunctionalInterface
    interface ProgressListener {
        /** Called with the fraction done (0..1) and a short message. */
        void progress(double fraction, String message);
    }

    /** Builds a {@link ProcessingContext}. */
    final class Builder {
        private Parameters parameters = Parameters.none();
        private BooleanSupplier cancelled = () -> false;
        private ProgressListener listener = (f, m) -> { };
        private Consumer<String> warnings = m -> { };

        private Builder() {
        }

        /** The parameter values. */
        public Builder parameters(Parameters value) {
            this.parameters = Objects.requireNonNull(value);
            return this;
        }

        /** A thread-safe test that says whether the caller cancelled. */
        public Builder cancelWhen(BooleanSupplier value) {
            this.cancelled = Objects.requireNonNull(value);
            return this;
        }

        /** Where progress goes. */
        public Builder onProgress(ProgressListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        /** Where warnings go; must be thread-safe. */
        public Builder onWarning(Consumer<String> value) {
            this.warnings = Objects.requireNonNull(value);
            return this;
        }

        /** The context. */
        public ProcessingContext build() {
            Parameters p = parameters;
            BooleanSupplier c = cancelled;
            ProgressListener l = listener;
            Consumer<String> w = warnings;
            return new ProcessingContext() {
                @Override
                public Parameters parameters() {
                    return p;
                }

                @Override
                public boolean isCancelled() {
                    return c.getAsBoolean();
                }

                @Override
                public void progress(double fraction, String message) {
                    l.progress(Math.max(0, Math.min(1, fraction)), message);
                }

                @Override
                public void warn(String message) {
                    w.accept(message);
                }
            };
        }
    }
}
