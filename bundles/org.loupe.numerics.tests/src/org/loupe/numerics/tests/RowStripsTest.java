package org.loupe.numerics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.numerics.RowStrips;

class RowStripsTest {

    @Test
    void everyRowIsVisitedExactlyOnce() throws LoupeException {
        AtomicIntegerArray visits = new AtomicIntegerArray(1001);
        RowStrips.run(1001, ProcessingContext.none(), "test", (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                visits.incrementAndGet(y);
            }
        });
        for (int y = 0; y < 1001; y++) {
            assertEquals(1, visits.get(y), "row " + y);
        }
    }

    @Test
    void progressEndsAtOne() throws LoupeException {
        List<Double> reports = Collections.synchronizedList(new ArrayList<>());
        RowStrips.run(200, ProcessingContext.builder().onProgress((f, m) -> reports.add(f)).build(), "t", (a, b) -> { });
        assertEquals(1.0, Collections.max(reports));
    }

    @Test
    void cancellationStopsTheRemainingStrips() {
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicIntegerArray visits = new AtomicIntegerArray(5000);
        ProcessingContext ctx = ProcessingContext.builder().cancelWhen(cancel::get).build();
        LoupeException e = assertThrows(LoupeException.class, () -> RowStrips.run(5000, ctx, "t", (y0, y1) -> {
            cancel.set(true);
            for (int y = y0; y < y1; y++) {
                visits.incrementAndGet(y);
            }
        }));
        assertEquals(LoupeException.Reason.CANCELLED, e.reason());
        int done = 0;
        for (int y = 0; y < 5000; y++) {
            done += visits.get(y);
        }
        assertTrue(done < 5000, "rows after the cancellation were still processed");
    }
}
