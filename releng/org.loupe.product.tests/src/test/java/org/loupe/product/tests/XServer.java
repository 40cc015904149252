package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The X display the workbench tests draw on: the one set in DISPLAY, or an Xvfb of their own. */
final class XServer implements AutoCloseable {

    private final Process xvfb;
    private final String display;

    private XServer(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** The display to use, starting Xvfb when none is set. */
    static XServer start() throws Exception {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return new XServer(null, display);
        }
        int n = freeDisplay();
        return new XServer(startXvfb(n), ":" + n);
    }

    /** Puts the display into a launcher environment. */
    void into(Map<String, String> env) {
        env.put("DISPLAY", display);
        env.put("NO_AT_BRIDGE", "1");
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freeDisplay() {
        for (int n = 90; n < 120; n++) {
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number in :90-:119");
    }

    private static Process startXvfb(int n) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1400x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(Launcher.work().resolve("xvfb-" + n + ".log").toFile())
                    .start();
        } catch (java.io.IOException e) {
            fail("the workbench tests need an X server: set DISPLAY, or install Xvfb (.ci/run does: "
                    + "apt-get install xvfb libgtk-3-0)");
            return null;
        }
        Path socket = Path.of("/tmp/.X11-unix/X" + n);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        assertTrue(p.isAlive() && Files.exists(socket), "Xvfb did not start; see target/xvfb-" + n + ".log");
        return p;
    }
}
