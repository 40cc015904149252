package org.loupe.image.io.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one DICOM series found among others (the same Series Instance UID), not yet decoded.
 *
 * @param uid         Series Instance UID (empty for files that have none: each such file is its own series)
 * @param description Series Description, empty if absent
 * @param modality    e.g. CT
 * @param files       the series' files with pixel data, in path order (reading sorts them by position)
 */
public record DicomSeries(String uid, String description, String modality, List<Path> files) {

    /** Copies the file list. */
    public DicomSeries {
        files = List.copyOf(files);
    }

    /** A one-line description for listings: modality, description, file count and UID. */
    public String summary() {
        return (modality.isEmpty() ? "?" : modality) + " '" + description + "', " + files.size() + " file"
                + (files.size() == 1 ? "" : "s") + ", UID " + (uid.isEmpty() ? "(none)" : uid);
    }
}
