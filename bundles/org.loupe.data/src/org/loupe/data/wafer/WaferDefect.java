package org.loupe.data.wafer;

/** The three defect classes of the synthetic wafers, in the order of their COCO category ids (1, 2, 3). */
public enum WaferDefect {
    /** Thin straight or curved line from mechanical damage. */
    SCRATCH("scratch"),
    /** Small bright or dark blob of foreign matter. */
    PARTICLE("particle"),
    /** Jagged, branching fracture line. */
    CRACK("crack");

    private final String label;

    WaferDefect(String label) {
        this.label = label;
    }

    /** The class name written to annotations. */
    public String label() {
        return label;
    }
}
