package org.loupe.spark;

/** A submission that cannot go on, with the exit code and the one line the user sees (Loupe's exit classes). */
final class SubmitFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exit;

    SubmitFailure(int exit, String message) {
        super(message);
        this.exit = exit;
    }

    /** 2 usage, 3 bad input, 4 provider or executor failure. */
    int exit() {
        return exit;
    }
}
