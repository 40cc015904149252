package org.loupe.segment.unet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.Segmenter;
import org.loupe.data.ct.LiverPhantom;
import org.loupe.image.volume.Volume;
import org.loupe.testing.SegmenterContract;
import org.loupe.testing.ShippedModelDeclaration;

/** The U-Net segmenter passes the segmenter contract and, with its shipped model, finds a phantom's liver. */
class UNetLiverSegmenterContractTest extends SegmenterContract {

    private static final UNetLiverSegmenter SEGMENTER = new UNetLiverSegmenter();

    @Override
    protected Segmenter segmenter() {
        return SEGMENTER;
    }

    @AfterAll
    static void close() {
        SEGMENTER.close();
    }

    @Test
    void declaresTheModelItShips() throws IOException {
        ShippedModelDeclaration.assertDeclared(UNetLiverSegmenter.class, "/models/unet/loupe-model.json");
    }

    @Test
    void theShippedModelFindsTheLiverOfAPhantomItNeverSaw() throws LoupeException {
        // seed 77 is in no training, validation or test set; 128 pixels is the grid itself, 24 slices keep it quick
        LiverPhantom.Case c = LiverPhantom.generate(77, 128, 24, LiverPhantom.Dose.LOW, ProcessingContext.none());
        Volume found = SEGMENTER.segment(c.ct(), ProcessingContext.of(Parameters.defaults(SEGMENTER.parameters())));
        long both = 0;
        long total = 0;
        for (int p = 0; p < found.data().length; p++) {
            boolean f = found.data()[p] == 1;
            boolean t = c.liver().data()[p] != 0;
            both += f && t ? 1 : 0;
            total += (f ? 1 : 0) + (t ? 1 : 0);
        }
        double dice = 2.0 * both / total;
        // measured 0.987 with the shipped model (seed 2)
        assertTrue(dice > 0.95, "liver Dice " + dice);
    }

    @Test
    void aMissingModelFolderIsOneInputError() {
        LoupeException e = assertThrows(LoupeException.class, () -> SEGMENTER.segment(Volume.create(8, 8, 2,
                org.loupe.image.volume.VoxelGeometry.UNIT), ProcessingContext.of(Parameters.bind(
                        SEGMENTER.parameters(), Map.of("model", "/nonexistent/unet")))));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
    }
}
