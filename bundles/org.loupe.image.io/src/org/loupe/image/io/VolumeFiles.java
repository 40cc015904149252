package org.loupe.image.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.loupe.api.LoupeException;
import org.loupe.image.io.dicom.DicomSeries;
import org.loupe.image.io.dicom.DicomSlice;
import org.loupe.image.io.internal.dicom.DicomReader;
import org.loupe.image.io.internal.dicom.DicomVolumes;
import org.loupe.image.io.internal.dicom.DicomWriter;
import org.loupe.image.io.internal.nifti.NiftiReader;
import org.loupe.image.io.internal.nifti.NiftiWriter;
import org.loupe.image.volume.Volume;

/**
 * Reads and writes 3-D volumes: NIfTI-1 files and DICOM series (a folder of slices, grouped by series and sorted by
 * position) or multi-frame files. Every failure is a one-line INPUT error naming the file; every write is atomic.
 */
public final class VolumeFiles {

    /** The most voxels a volume may have unless the caller allows more: 1.5 billion, about 6 GB of floats. */
    public static final long DEFAULT_MAX_VOXELS = 1_500_000_000L;

    private VolumeFiles() {
    }

    /**
     * Reads a volume from a NIfTI file, a DICOM file, or a folder holding exactly one DICOM series.
     *
     * @throws LoupeException INPUT for anything unreadable, or a folder with several series (naming them)
     */
    public static Volume read(Path input, ReadOptions options) throws LoupeException {
        if (!Files.isDirectory(input) && ImageFiles.formatOf(input) == ImageFormat.NIFTI) {
            return NiftiReader.read(input, DEFAULT_MAX_VOXELS);
        }
        List<DicomSeries> series = dicomSeries(List.of(input), options);
        if (series.size() > 1) {
            StringBuilder names = new StringBuilder();
            for (DicomSeries s : series) {
                names.append(names.length() == 0 ? "" : "; ").append(s.summary());
            }
            throw LoupeException.badInput(input.toString(), "holds " + series.size() + " DICOM series (" + names
                    + "); give one series' folder or files");
        }
        return read(series.get(0), options);
    }

    /** The DICOM series among files and folders; see {@link DicomVolumes#scan}. */
    public static List<DicomSeries> dicomSeries(List<Path> inputs, ReadOptions options) throws LoupeException {
        return DicomVolumes.scan(inputs, options);
    }

    /** Reads one DICOM series into a volume, slices ordered by position. */
    public static Volume read(DicomSeries series, ReadOptions options) throws LoupeException {
        return DicomVolumes.read(series, options);
    }

    /** Reads one DICOM file with all its frames and attributes. */
    public static DicomSlice readDicom(Path file, ReadOptions options) throws LoupeException {
        return DicomReader.read(file, options);
    }

    /**
     * Writes a NIfTI-1 file ({@code .nii}, or gzipped {@code .nii.gz}).
     *
     * @throws LoupeException USAGE for another extension, INPUT if it cannot be written
     */
    public static void writeNifti(Volume v, Path target) throws LoupeException {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) {
            throw LoupeException.usage("a NIfTI file name ends in .nii or .nii.gz, not '" + target.getFileName()
                    + "'");
        }
        if (v.width() > Short.MAX_VALUE || v.height() > Short.MAX_VALUE || v.depth() > Short.MAX_VALUE) {
            throw LoupeException.usage("NIfTI-1 holds at most 32767 voxels along an axis");
        }
        NiftiWriter.write(v, target);
    }

    /**
     * Writes a DICOM series, one file per axial slice ({@code IMG0001.dcm}...).
     *
     * @param modality CT for Hounsfield volumes, else written as secondary capture
     * @return the files, bottom slice first
     */
    public static List<Path> writeDicomSeries(Volume v, Path folder, String modality, String description)
            throws LoupeException {
        return DicomWriter.writeSeries(v, folder, modality, description);
    }
}
