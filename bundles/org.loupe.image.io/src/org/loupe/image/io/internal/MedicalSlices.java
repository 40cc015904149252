package org.loupe.image.io.internal;

import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.dicom.DicomSlice;
import org.loupe.image.io.internal.dicom.DicomReader;
import org.loupe.image.io.internal.nifti.NiftiReader;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;

/**
 * DICOM and NIfTI files read as one 2-D image, for the commands that work on images: a single-frame file becomes its
 * image; a multi-frame file or a 3-D volume is refused with a pointer to the volume commands.
 */
final class MedicalSlices {

    private MedicalSlices() {
    }

    static PixelImage read(Path path, ImageFormat format, ReadOptions options) throws LoupeException {
        if (format == ImageFormat.DICOM) {
            DicomSlice s = DicomReader.read(path, options);
            if (s.frames().size() > 1) {
                throw LoupeException.badInput(path.toString(), "holds " + s.frames().size() + " frames; read it as "
                        + "a volume (e.g. loupe convert " + path.getFileName() + " --format nii)");
            }
            return s.image();
        }
        NiftiReader.Loaded loaded = NiftiReader.load(path, options.maxPixels());
        Volume v = loaded.volume();
        if (v.depth() > 1) {
            throw LoupeException.badInput(path.toString(), "is a volume of " + v.depth() + " slices; read it as a "
                    + "volume (e.g. loupe convert " + path.getFileName() + " --format tiff writes its slices)");
        }
        PixelImage slice = v.slice(Plane.AXIAL, 0);
        if (loaded.unsignedBits() == 0) {
            return slice.withMetadata(v.metadata().toBuilder().calibration(slice.metadata().calibration()).build());
        }
        PixelImage out = loaded.unsignedBits() == 8 ? GrayU8.create(v.width(), v.height())
                : GrayU16.create(v.width(), v.height());
        for (int y = 0; y < v.height(); y++) {
            for (int x = 0; x < v.width(); x++) {
                out.setFloat(x, y, 0, slice.getFloat(x, y, 0));
            }
        }
        return out.withMetadata(v.metadata().toBuilder().calibration(slice.metadata().calibration()).build());
    }
}
