package org.loupe.image.io.internal;

import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.internal.dicom.DicomWriter;
import org.loupe.image.io.internal.nifti.NiftiWriter;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/** A 2-D grey image written as a one-slice DICOM file or NIfTI volume, calibrated by its pixel size. */
final class MedicalWriters {

    private MedicalWriters() {
    }

    static void write(PixelImage image, Path target, ImageFormat format) throws LoupeException {
        Volume v = Volume.create(image.width(), image.height(), 1, geometry(image));
        v.setSlice(0, image);
        v = v.with(v.geometry(), image.metadata());
        if (format == ImageFormat.NIFTI) {
            NiftiWriter.write(v, target, NiftiWriter.datatypeOf(image.type()));
        } else {
            String modality = image.metadata().property("modality").orElse("OT");
            DicomWriter.writeFile(v, 0, target, modality, image.metadata().name(), image.type().pixelType()
                    .isInteger() ? image.type().pixelType().bits() : 0);
        }
    }

    private static VoxelGeometry geometry(PixelImage image) {
        var c = image.metadata().calibration();
        return "mm".equals(c.unit()) ? VoxelGeometry.of(c.pixelWidth(), c.pixelHeight(), 1) : VoxelGeometry.UNIT;
    }
}
