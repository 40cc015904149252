package org.loupe.image.io.internal.dicom;

/** What is wrong with a DICOM file, as a phrase that follows its name ("is truncated (...)"). */
final class DicomException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DicomException(String problem) {
        super(problem, null, false, false);
    }
}
