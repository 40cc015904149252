package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;

/** The command line's loops over inputs follow the batch policy. */
class BatchPolicyTest {

    private final List<String> reported = new ArrayList<>();

    @Test
    void failingInputsAreReportedAndRecordedAndTheOthersDone() throws LoupeException {
        BatchPolicy policy = new BatchPolicy(false, e -> reported.add(e.getMessage()));
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            policy.item("in" + i, () -> {
                if (n == 1) {
                    throw LoupeException.badInput("in1", "truncated");
                }
                if (n == 3) {
                    throw LoupeException.provider("p", "failed: oops", null);
                }
                return n;
            }).ifPresent(done::add);
        }
        assertEquals(List.of(0, 2, 4), done);
        assertEquals(List.of("in1: truncated", "provider 'p' failed: oops"), reported);
        assertEquals(List.of("in1", "in3"), policy.failures().stream().map(BatchPolicy.Failure::input).toList());
        assertEquals(4, policy.exitCode(), "the worst class met");
    }

    @Test
    void aUsageErrorOrFailFastStopsTheLoop() throws LoupeException {
        BatchPolicy lenient = new BatchPolicy(false, e -> reported.add(e.getMessage()));
        assertThrows(LoupeException.class, () -> lenient.item("a", () -> {
            throw LoupeException.usage("parameter 'size': bad");
        }));
        BatchPolicy strict = new BatchPolicy(true, e -> reported.add(e.getMessage()));
        assertThrows(LoupeException.class, () -> strict.item("a", () -> {
            throw LoupeException.badInput("a", "truncated");
        }));
        assertTrue(reported.isEmpty(), "a stopping failure reaches the caller, not the report");
        assertEquals(Optional.of("ok"), lenient.item("b", () -> "ok"));
        assertEquals(0, lenient.exitCode());
    }

    @Test
    void anInputPastTheTimeLimitIsAProviderFailureWhetherItStopsOrNotAndTheLoopGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BatchPolicy policy = new BatchPolicy(false, Duration.ofMillis(200), e -> reported.add(e.getMessage()));
        List<String> done = new ArrayList<>();
        try {
            policy.item("quick", expired -> "quick").ifPresent(done::add);
            policy.<String>item("polite", expired -> {
                while (!expired.getAsBoolean()) {
                    Thread.onSpinWait();
                }
                throw LoupeException.cancelled();
            }).ifPresent(done::add);
            policy.item("stuck", expired -> {
                // ignores the request to stop: the worst case
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        // ignored on purpose
                    }
                }
                return "stuck";
            }).ifPresent(done::add);
            policy.item("after", expired -> "after").ifPresent(done::add);
        } finally {
            release.countDown();
        }
        assertEquals(List.of("quick", "after"), done);
        assertEquals(List.of("polite: not finished within 0.2 s (--timeout); stopped; the batch goes on",
                "stuck: not finished within 0.2 s (--timeout); its provider did not stop when asked and is left "
                        + "running; the batch goes on"), reported);
        assertEquals(4, policy.exitCode());
    }
}
