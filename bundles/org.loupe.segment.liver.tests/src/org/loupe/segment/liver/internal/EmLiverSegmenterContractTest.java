package org.loupe.segment.liver.internal;

import org.loupe.api.Segmenter;
import org.loupe.testing.SegmenterContract;

class EmLiverSegmenterContractTest extends SegmenterContract {

    private final EmLiverSegmenter segmenter = new EmLiverSegmenter();

    @Override
    protected Segmenter segmenter() {
        return segmenter;
    }
}
