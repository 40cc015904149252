package org.loupe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.loupe.api.LoupeException;
import org.loupe.image.io.VolumeFiles;

/**
 * The NIfTI reader on any bytes, stored as they are ({@code .nii}) and gzipped ({@code .nii.gz}): mutating the
 * compressed bytes would rarely reach the header, so the harness compresses what the fuzzer made.
 */
class NiftiFuzzTest {

    @FuzzTest(maxDuration = "2h")
    void anyBytesReadAsAVolumeOrFailAsInput(byte[] data) throws Exception {
        Path plain = FuzzFiles.write("nifti/v.nii", data);
        Outcome.expect(() -> VolumeFiles.read(plain, Limits.IMAGE), LoupeException.Reason.INPUT);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(data);
        }
        Path zipped = FuzzFiles.write("nifti/v.nii.gz", gz.toByteArray());
        Outcome.expect(() -> VolumeFiles.read(zipped, Limits.IMAGE), LoupeException.Reason.INPUT);
    }
}
