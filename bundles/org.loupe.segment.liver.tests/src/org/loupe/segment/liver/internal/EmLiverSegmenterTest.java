package org.loupe.segment.liver.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.ct.LiverPhantom;
import org.loupe.image.LabelImage;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;
import org.loupe.metrics.segmentation.SurfaceDistances;
import org.loupe.metrics.segmentation.VolumeMask;

class EmLiverSegmenterTest {

    private final EmLiverSegmenter segmenter = new EmLiverSegmenter();

    private ProcessingContext defaults() {
        return ProcessingContext.of(Parameters.defaults(segmenter.parameters()));
    }

    @Test
    void findsThePhantomLiverInThreeDimensions() throws LoupeException {
        LiverPhantom.Case c = LiverPhantom.generate(21, 128, 48, LiverPhantom.Dose.NORMAL, ProcessingContext.none());
        float[] before = c.ct().data().clone();
        Volume labels = segmenter.segment(c.ct(), defaults());
        SurfaceDistances d = SurfaceDistances.of(VolumeMask.of(labels, 1), VolumeMask.of(c.liver(), 1));
        assertTrue(d.dice() > 0.9, "Dice " + d);
        assertEquals("background,liver", labels.metadata().property("labels").orElseThrow());
        assertArrayEquals(before, c.ct().data(), "the CT is untouched");
    }

    @Test
    void theMixturesLiverComponentSitsAtTheLiversHu() throws LoupeException {
        LiverPhantom.Case c = LiverPhantom.generate(22, 96, 32, LiverPhantom.Dose.NORMAL, ProcessingContext.none());
        boolean[] body = new boolean[c.ct().data().length];
        for (int p = 0; p < body.length; p++) {
            body[p] = c.ct().data()[p] > -400;
        }
        var mix = new LiverByMixture(100, 8, 2).mixture(c.ct(), body, 8);
        assertEquals(8, mix.means().length);
        double liver = mix.means()[mix.nearest(100)];
        assertEquals(105, liver, 15, "liver and spleen share a component around 100-115 HU: " + liver);
    }

    @Test
    void segmentsASingleSliceAsALabelImage() throws LoupeException {
        LiverPhantom.Case c = LiverPhantom.generate(23, 128, 32, LiverPhantom.Dose.NORMAL, ProcessingContext.none());
        int k = 20;
        LabelImage l = segmenter.segment(c.ct().slice(Plane.AXIAL, k), defaults());
        assertEquals(128, l.width());
        int both = 0;
        int found = 0;
        int truth = 0;
        for (int y = 0; y < l.height(); y++) {
            for (int x = 0; x < l.width(); x++) {
                boolean t = c.liver().get(x, y, k) > 0;
                found += l.label(x, y);
                truth += t ? 1 : 0;
                both += t && l.label(x, y) == 1 ? 1 : 0;
            }
        }
        assertTrue(truth > 500, "a slice through the liver: " + truth);
        assertTrue(2.0 * both / (found + truth) > 0.85, "Dice of one slice: " + 2.0 * both / (found + truth));
    }
}
