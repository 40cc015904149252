package org.loupe.data.deeppcb;

import java.util.Arrays;
import java.util.Optional;

/** The six defect classes of DeepPCB, with the numbers its annotation files use. */
public enum DefectType {
    /** 1: a broken trace. */
    OPEN(1, "open"),
    /** 2: copper bridging two traces. */
    SHORT(2, "short"),
    /** 3: bites out of a trace edge. */
    MOUSEBITE(3, "mousebite"),
    /** 4: a thin protrusion from a trace. */
    SPUR(4, "spur"),
    /** 5: copper where there should be none. */
    SPURIOUS_COPPER(5, "copper"),
    /** 6: a hole in copper. */
    PIN_HOLE(6, "pin-hole");

    private final int code;
    private final String label;

    DefectType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The number in annotation files. */
    public int code() {
        return code;
    }

    /** The class label Loupe uses in detections and reports. */
    public String label() {
        return label;
    }

    /** The type with this class label. */
    public static Optional<DefectType> ofLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    /** The type with this annotation number. */
    public static Optional<DefectType> ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
