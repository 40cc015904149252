package org.loupe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.image.io.VolumeFiles;

/** The DICOM reader, one file and as a series, starting from CT slices of several transfer syntaxes. */
class DicomFuzzTest {

    @FuzzTest(maxDuration = "2h")
    void anyBytesReadAsASliceAndASeriesOrFailAsInput(byte[] data) throws Exception {
        Path file = FuzzFiles.write("dicom/slice.dcm", data);
        Outcome.expect(() -> VolumeFiles.readDicom(file, Limits.IMAGE), LoupeException.Reason.INPUT);
        Outcome.expect(() -> VolumeFiles.read(file, Limits.IMAGE), LoupeException.Reason.INPUT);
    }
}
