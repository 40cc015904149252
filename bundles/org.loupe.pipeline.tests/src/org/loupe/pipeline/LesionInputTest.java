package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.Accelerator;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.data.ct.LesionPatches;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.pipeline.liver.LiverFindings;

class LesionInputTest {

    private static final LesionCandidates.Candidate CANDIDATE = new LesionCandidates.Candidate(1, 50,
            new double[] {20, 20, 4}, 900, 12, 4, 40, 60);

    private static ProviderDescriptor classifier(ImageType... accepts) {
        return new ProviderDescriptor("classify.test", ProviderKind.CLASSIFIER, "test", "1.0.0", "test",
                List.of(accepts), Accelerator.NONE, "", "", 0, "");
    }

    private static LiverFindings findings() {
        Volume ct = Volume.create(40, 40, 9, VoxelGeometry.of(1, 1, 2.5));
        for (int k = 0; k < ct.depth(); k++) {
            for (int p = 0; p < 40 * 40; p++) {
                ct.data()[k * 40 * 40 + p] = 10 * k;
            }
        }
        GrayF32 patch = LesionPatches.cut(ct, CANDIDATE, "case-c01");
        Volume none = Volume.create(40, 40, 9, ct.geometry());
        return new LiverFindings(ct, none, new LesionCandidates.Found(List.of(CANDIDATE), none, 60, 10),
                List.of(patch));
    }

    @Test
    void aClassifierThatDeclaresStacksGetsTheNeighbouringSlicesAndAnyOtherTheMiddlePatch() {
        LiverFindings f = findings();
        PixelImage stack = f.input(CANDIDATE, classifier(ImageType.GRAY_F32,
                ImageType.planarF32(LesionPatches.STACK_SLICES)));
        assertEquals(LesionPatches.STACK_SLICES, stack.bands());
        assertEquals(30f, stack.getFloat(16, 16, 0), "slice 3, above the candidate's");
        assertEquals(40f, stack.getFloat(16, 16, 1));
        assertEquals(50f, stack.getFloat(16, 16, 2));
        assertEquals("case-c01", stack.metadata().name());
        assertSame(f.patches().get(0), f.input(CANDIDATE, classifier(ImageType.GRAY_F32)));
        assertSame(f.patches().get(0), f.input(CANDIDATE, classifier()), "'any type' is taken as 2-D");
    }
}
