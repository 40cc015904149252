package org.loupe.segment.liver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.ct.LiverPhantom;
import org.loupe.data.ct.Tumour;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;

class CouinaudSegmenterTest {

    private final CouinaudSegmenter segmenter = new CouinaudSegmenter();

    @Test
    void placesTheSegmentsFromVesselsFoundInTheImage() throws LoupeException {
        StringBuilder report = new StringBuilder();
        double worst = 1;
        for (long seed = 31; seed <= 33; seed++) {
            LiverPhantom.Case c = LiverPhantom.generate(seed, 256, 64, LiverPhantom.Dose.NORMAL,
                    ProcessingContext.none());
            Volume labels = segmenter.segment(c.ct(), ProcessingContext.of(Parameters.defaults(
                    segmenter.parameters())));
            long liver = 0;
            long same = 0;
            for (int p = 0; p < labels.data().length; p++) {
                if (c.couinaud().data()[p] > 0) {
                    liver++;
                    same += labels.data()[p] == c.couinaud().data()[p] ? 1 : 0;
                }
            }
            double accuracy = (double) same / liver;
            worst = Math.min(worst, accuracy);
            report.append(String.format("seed %d: accuracy %.3f, truth %s, found %s%n", seed, accuracy, c.frame(),
                    labels.metadata().property("couinaud.landmarks").orElse("?")));
            for (Tumour t : c.truth()) {
                report.append("  ").append(t.kind()).append(" in segment ").append(t.segment()).append('\n');
            }
        }
        assertTrue(worst > 0.8, report.toString());
    }

    @Test
    void refusesASingleSlice() throws LoupeException {
        LiverPhantom.Case c = LiverPhantom.generate(34, 96, 24, LiverPhantom.Dose.NORMAL, ProcessingContext.none());
        LoupeException e = assertThrows(LoupeException.class, () -> segmenter.segment(c.ct().slice(Plane.AXIAL, 12),
                ProcessingContext.of(Parameters.defaults(segmenter.parameters()))));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
    }
}
