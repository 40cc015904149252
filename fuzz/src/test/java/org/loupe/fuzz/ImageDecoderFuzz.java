package org.loupe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFiles;

/**
 * The image decoder on any bytes. The decoder recognises formats by content, so the targets differ only in the
 * corpus they start from (their {@code Inputs} folder): one subclass per format, each fuzzed in its own JVM.
 */
abstract class ImageDecoderFuzz {

    @FuzzTest(maxDuration = "2h")
    void anyBytesDecodeToAnImageOrAnInputFailure(byte[] data) throws Exception {
        Outcome.expect(() -> ImageFiles.read(new ByteArrayInputStream(data), "fuzzed", Limits.IMAGE),
                LoupeException.Reason.INPUT);
    }
}
