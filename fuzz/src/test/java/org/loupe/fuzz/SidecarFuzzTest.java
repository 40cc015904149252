package org.loupe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.loupe.api.LoupeException;
import org.loupe.tensorflow.ModelSidecar;

/** A model folder's sidecar ({@code loupe-model.json}) on any bytes: read before TensorFlow sees the model. */
class SidecarFuzzTest {

    @FuzzTest(maxDuration = "2h")
    void anyBytesReadAsAModelDescriptionOrFailAsInput(byte[] data) throws Exception {
        FuzzFiles.write("model/" + ModelSidecar.FILE_NAME, data);
        Outcome.expect(() -> ModelSidecar.read(FuzzFiles.folder("model")), LoupeException.Reason.INPUT);
    }
}
