package org.loupe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFiles;

/**
 * The image decoder on any bytes. The decoder recognises formats by content, so the targets differ only in the
 * corpus they start from (their {@code Inputs} folder) and in where the fuzzed bytes go ({@link #file}): one subclass
 * per format or part of a file, each fuzzed in its own JVM.
 */
abstract class ImageDecoderFuzz {

    @FuzzTest(maxDuration = "2h")
    void anyBytesDecodeToAnImageOrAnInputFailure(byte[] data) throws Exception {
        byte[] file = file(data);
        Outcome.expect(() -> ImageFiles.read(new ByteArrayInputStream(file), "fuzzed", Limits.IMAGE),
                LoupeException.Reason.INPUT);
    }

    /** The file decoded for the fuzzed bytes: by default the bytes themselves. */
    byte[] file(byte[] data) {
        return data;
    }
}
