package org.loupe.samples;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The sample images shipped with Loupe, for the demo and the workbench (provenance in samples/README.md). */
public final class Samples {

    private static final List<Sample> ALL = List.of(
            new Sample("pcb-test.png", "Printed circuit board with defects (8-bit grey, DeepPCB)"),
            new Sample("butterfly.png", "Natural image, the Set5 butterfly (8-bit RGB)"),
            new Sample("xray-board.tif", "Simulated low-dose X-ray of a board with stuck pixels (16-bit grey)"),
            new Sample("xray-s1-lq.tif", "Simulated 5 s X-ray exposure of an S1-type assembly (16-bit grey); "
                    + "measured against the 90 s exposure of the same scene", "xray-s1-hq.tif"));

    /**
     * Three DeepPCB pairs from the test part of Loupe's split (never trained on), in DeepPCB's layout under
     * {@code samples/deeppcb/}: the list file first, then every file it names. {@link #open} reads them.
     */
    private static final List<String> DEEPPCB = List.of("deeppcb/test.txt",
            "deeppcb/group20085/20085/20085009_test.jpg", "deeppcb/group20085/20085/20085009_temp.jpg",
            "deeppcb/group20085/20085_not/20085009.txt",
            "deeppcb/group13000/13000/13000008_test.jpg", "deeppcb/group13000/13000/13000008_temp.jpg",
            "deeppcb/group13000/13000_not/13000008.txt",
            "deeppcb/group92000/92000/92000110_test.jpg", "deeppcb/group92000/92000/92000110_temp.jpg",
            "deeppcb/group92000/92000_not/92000110.txt");

    private Samples() {
    }

    /** The bundled DeepPCB pairs' files, as paths under the samples folder, the list file first. */
    public static List<String> deepPcb() {
        return DEEPPCB;
    }

    /** Opens a bundled file by its path under the samples folder. */
    public static InputStream open(String path) throws IOException {
        InputStream in = Samples.class.getResourceAsStream("/samples/" + path);
        if (in == null) {
            throw new IOException("no bundled sample " + path);
        }
        return in;
    }

    /** The bundled DeepPCB tested boards, each with its template as the reference, for the workbench. */
    public static List<Sample> boards() {
        return DEEPPCB.stream().filter(p -> p.endsWith("_test.jpg")).map(p -> {
            String id = p.substring(p.lastIndexOf('/') + 1, p.length() - "_test.jpg".length());
            return new Sample(p, "DeepPCB board " + id + " and its template (8-bit grey, test part)",
                    p.replace("_test.jpg", "_temp.jpg"));
        }).toList();
    }

    /** Every bundled sample image for the enhancers, in a fixed order. */
    public static List<Sample> all() {
        return ALL;
    }
}
