package org.loupe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DeepPcbFiles;

/** DeepPCB's annotation and prediction files ({@code x1,y1,x2,y2,type} lines) on any bytes. */
class DeepPcbFuzzTest {

    @FuzzTest(maxDuration = "2h")
    void anyBytesReadAsDefectsOrFailAsInput(byte[] data) throws Exception {
        Path file = FuzzFiles.write("deeppcb/board.txt", data);
        Outcome.expect(() -> DeepPcbFiles.readTruth(file), LoupeException.Reason.INPUT);
        Outcome.expect(() -> DeepPcbFiles.readPredictions(file), LoupeException.Reason.INPUT);
    }
}
