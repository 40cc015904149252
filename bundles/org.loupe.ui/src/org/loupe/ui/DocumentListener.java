package org.loupe.ui;

/** Hears what happens to the {@link ImageDocument}; always called on the UI thread. */
public interface DocumentListener {

    /** A new image was opened; any earlier result and marks are gone, and the reference may have changed. */
    default void imageChanged() {
    }

    /** The reference image was opened or replaced. */
    default void referenceChanged() {
    }

    /** A detector or a patch classifier produced new marks on the open image. */
    default void marksChanged() {
    }

    /** A mark was chosen, in the findings table or on the image; {@link ImageDocument#selected()} says which. */
    default void selectionChanged() {
    }

    /** A line was measured on the image; {@link ImageDocument#profile()} holds its profile. */
    default void profileChanged() {
    }

    /** The image view's display window changed. */
    default void windowChanged() {
    }

    /** An enhancer produced a result (or the result was cleared). */
    default void resultChanged() {
    }

    /** A run reports progress. */
    default void progress(double fraction, String message) {
    }

    /** A run or an open ended; {@code message} says how, e.g. "enhance.median finished in 35 ms". */
    default void finished(boolean ok, String message) {
    }
}
