package org.loupe.image.io.tests;

import java.nio.file.Path;
import org.loupe.image.io.AtomicFiles;

/** Starts an atomic write, says so on standard output, and never finishes it: a process to interrupt. */
public final class InterruptedWriteMain {

    static final String WRITING = "writing";

    private InterruptedWriteMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[4096]);
            out.flush();
            System.out.println(WRITING);
            System.out.flush();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
