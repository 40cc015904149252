package org.loupe.samples;

import java.util.List;

/** The sample images shipped with Loupe, for the demo and the workbench (provenance in samples/README.md). */
public final class Samples {

    private static final List<Sample> ALL = List.of(
            new Sample("pcb-test.png", "Printed circuit board with defects (8-bit grey, DeepPCB)"),
            new Sample("butterfly.png", "Natural image, the Set5 butterfly (8-bit RGB)"),
            new Sample("xray-board.tif", "Simulated low-dose X-ray of a board with stuck pixels (16-bit grey)"),
            new Sample("xray-s1-lq.tif", "Simulated 5 s X-ray exposure of an S1-type assembly (16-bit grey); "
                    + "measured against the 90 s exposure of the same scene", "xray-s1-hq.tif"));

    private Samples() {
    }

    /** Every bundled sample, in a fixed order. */
    public static List<Sample> all() {
        return ALL;
    }
}
