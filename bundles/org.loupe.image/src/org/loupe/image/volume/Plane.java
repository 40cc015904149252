package org.loupe.image.volume;

/** The three planes a volume is cut into for viewing, named as radiologists name them. */
public enum Plane {
    /** Across the body at one height: a slice of constant z (index k), rows j, columns i. */
    AXIAL,
    /** Front to back at one depth: constant row j; rows are slices k, columns i. */
    CORONAL,
    /** Left to right at one position: constant column i; rows are slices k, columns j. */
    SAGITTAL
}
