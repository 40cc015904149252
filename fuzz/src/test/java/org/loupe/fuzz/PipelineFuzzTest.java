package org.loupe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.loupe.api.LoupeException;
import org.loupe.pipeline.PipelineReader;

/**
 * Pipeline files on any text: not JSON is an INPUT failure, JSON that is not a valid pipeline a USAGE failure naming
 * its path; nothing else.
 */
class PipelineFuzzTest {

    private static final PipelineReader READER = new PipelineReader(new FakeRegistry());

    @FuzzTest(maxDuration = "2h")
    void anyTextReadsAsAPipelineOrFailsAsInputOrUsage(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        Outcome.expect(() -> READER.parse("fuzzed.json", text), LoupeException.Reason.INPUT,
                LoupeException.Reason.USAGE);
    }
}
