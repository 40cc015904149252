package org.loupe.tensorflow;

import org.loupe.api.LoupeException;

/**
 * Run in a fresh JVM by {@link FreshProcessTest}: loads the system's libLLVM, as an OpenGL driver would, then asks
 * for TensorFlow; prints the refusal and exits 0, or exits 1 if TensorFlow started anyway.
 */
public final class ForeignLlvmMain {

    private ForeignLlvmMain() {
    }

    /** Argument: the path of the system's libLLVM. */
    public static void main(String[] args) {
        System.load(args[0]);
        try {
            System.out.println("TensorFlow " + TensorFlowRuntime.version() + " started beside " + args[0]);
            System.exit(1);
        } catch (LoupeException e) {
            System.out.println(e.getMessage());
        }
    }
}
