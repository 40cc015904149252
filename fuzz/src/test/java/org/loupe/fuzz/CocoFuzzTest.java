package org.loupe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.data.detection.CocoFiles;

/** COCO annotation files on any bytes; the images they name need not exist to be read. */
class CocoFuzzTest {

    @FuzzTest(maxDuration = "2h")
    void anyBytesReadAsAnnotatedImagesOrFailAsInput(byte[] data) throws Exception {
        Path file = FuzzFiles.write("coco/" + CocoFiles.FILE_NAME, data);
        Outcome.expect(() -> CocoFiles.read(file), LoupeException.Reason.INPUT);
    }
}
