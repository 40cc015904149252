package org.loupe.api;

/**
 * A failure with a message meant for the user: one line that names the file, provider or parameter at fault. The
 * {@link Reason} says whose fault it is, which the command line maps to its exit code.
 */
public class LoupeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whose fault a failure is. */
    public enum Reason {
        /** The command or a parameter was wrong (exit 2). */
        USAGE(2),
        /** An input file or image was bad: missing, corrupt, truncated, unsupported, too large (exit 3). */
        INPUT(3),
        /** A provider is unknown, faulty or failed (exit 4). */
        PROVIDER(4),
        /** The user cancelled the operation (exit 130, as for an interrupt). */
        CANCELLED(130);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The command line's exit status for this reason. */
        public int exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;

    /** A failure with the given reason and one-line message. */
    public LoupeException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** A failure with the given reason, one-line message and underlying cause. */
    public LoupeException(Reason reason, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.reason = reason;
    }

    /** A wrong command or parameter. */
    public static LoupeException usage(String message) {
        return new LoupeException(Reason.USAGE, message);
    }

    /** A bad input; the message reads "subject: problem", e.g. "scan.png: truncated PNG data". */
    public static LoupeException badInput(String subject, String problem) {
        return new LoupeException(Reason.INPUT, subject + ": " + problem);
    }

    /** A bad input with its cause. */
    public static LoupeException badInput(String subject, String problem, Throwable cause) {
        return new LoupeException(Reason.INPUT, subject + ": " + problem, cause);
    }

    /** A provider that is unknown, unusable or failed. */
    public static LoupeException provider(String providerId, String problem, Throwable cause) {
        return new LoupeException(Reason.PROVIDER, "provider '" + providerId + "' " + problem, cause);
    }

    /** The operation was cancelled. */
    public static LoupeException cancelled() {
        return new LoupeException(Reason.CANCELLED, "cancelled");
    }

    /** Whose fault this is. */
    public Reason reason() {
        return reason;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
