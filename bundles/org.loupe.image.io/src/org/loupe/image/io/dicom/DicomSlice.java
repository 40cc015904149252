package org.loupe.image.io.dicom;

import java.nio.file.Path;
import java.util.List;
import org.loupe.image.PixelImage;

/**
 * One DICOM file read: its frames (greyscale in modality units, Hounsfield units for CT; or 8-bit RGB) and the
 * attributes that place it in a series and in the patient.
 *
 * @param file              where it was read from
 * @param frames            one image per frame, at least one
 * @param modality          e.g. CT, MR; empty if absent
 * @param seriesUid         Series Instance UID; empty if absent
 * @param seriesDescription empty if absent
 * @param instanceNumber    Instance Number, or 0 if absent
 * @param position          Image Position (Patient): the first pixel's centre in mm, three values; null if absent
 * @param orientation       Image Orientation (Patient): row then column direction cosines, six values; null if absent
 * @param rowSpacing        mm between rows (Pixel Spacing's first value), NaN if absent
 * @param columnSpacing     mm between columns, NaN if absent
 * @param sliceThickness    mm, NaN if absent
 * @param transferSyntax    the transfer syntax UID the file was read in
 */
public record DicomSlice(Path file, List<PixelImage> frames, String modality, String seriesUid,
        String seriesDescription, int instanceNumber, double[] position, double[] orientation, double rowSpacing,
        double columnSpacing, double sliceThickness, String transferSyntax) {

    /** Copies the frame list. */
    public DicomSlice {
        frames = List.copyOf(frames);
    }

    /** The first (for most files the only) frame. */
    public PixelImage image() {
        return frames.get(0);
    }
}
