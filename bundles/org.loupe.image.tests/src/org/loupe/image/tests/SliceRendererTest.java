package org.loupe.image.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.image.RgbU8;
import org.loupe.image.WindowLevel;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.SliceOverlay;
import org.loupe.image.volume.SliceRenderer;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

class SliceRendererTest {

    private static final WindowLevel LIVER = WindowLevel.preset("liver");

    private static Volume ct() {
        Volume v = Volume.create(20, 16, 6, VoxelGeometry.of(0.8, 0.8, 2.5));
        java.util.Arrays.fill(v.data(), 30f);
        return v;
    }

    /** A 6 x 4 x 2 block labelled {@code label} at i 5..10, j 4..7, k 2..3. */
    private static Volume block(int label) {
        Volume v = Volume.create(20, 16, 6, VoxelGeometry.of(0.8, 0.8, 2.5));
        for (int k = 2; k <= 3; k++) {
            for (int j = 4; j <= 7; j++) {
                for (int i = 5; i <= 10; i++) {
                    v.set(i, j, k, label);
                }
            }
        }
        return v;
    }

    private static int[] rgb(RgbU8 image, int x, int y) {
        return new int[] {image.get(x, y, 0), image.get(x, y, 1), image.get(x, y, 2)};
    }

    @Test
    void withoutOverlaysTheSliceIsTheWindowedGrey() {
        RgbU8 shown = SliceRenderer.render(ct(), Plane.AXIAL, 2, LIVER, List.of(), 1);
        int grey = LIVER.map(30);
        assertArrayEquals(new int[] {grey, grey, grey}, rgb(shown, 7, 5));
    }

    @Test
    void aLabelIsOutlinedSolidAndTintedInsideInItsColour() {
        SliceOverlay liver = SliceOverlay.labels("liver", block(1));
        RgbU8 shown = SliceRenderer.render(ct(), Plane.AXIAL, 2, LIVER, List.of(liver), 1);
        assertArrayEquals(SliceOverlay.palette(1), rgb(shown, 5, 5), "the outline");
        int grey = LIVER.map(30);
        int[] inside = rgb(shown, 7, 5);
        assertTrue(inside[1] > grey && inside[0] < grey, "tinted green inside: " + java.util.Arrays.toString(inside));
        assertArrayEquals(new int[] {grey, grey, grey}, rgb(shown, 1, 1), "outside untouched");
        assertArrayEquals(new int[] {grey, grey, grey}, rgb(SliceRenderer.render(ct(), Plane.AXIAL, 2, LIVER,
                List.of(liver), 0), 5, 5), "opacity 0 hides it");
    }

    @Test
    void theOverlayFollowsThePlane() {
        SliceOverlay liver = SliceOverlay.labels("liver", block(1));
        // coronal row j = 5: columns i, rows k; the block spans k 2..3, so image row 2 at column 5 is its outline
        RgbU8 coronal = SliceRenderer.render(ct(), Plane.CORONAL, 5, LIVER, List.of(liver), 1);
        assertEquals(20, coronal.width());
        assertEquals(6, coronal.height());
        assertArrayEquals(SliceOverlay.palette(1), rgb(coronal, 5, 2));
        RgbU8 sagittal = SliceRenderer.render(ct(), Plane.SAGITTAL, 7, LIVER, List.of(liver), 1);
        assertArrayEquals(SliceOverlay.palette(1), rgb(sagittal, 4, 3));
        int grey = LIVER.map(30);
        assertArrayEquals(new int[] {grey, grey, grey}, rgb(SliceRenderer.render(ct(), Plane.SAGITTAL, 15, LIVER,
                List.of(liver), 1), 4, 3), "a sagittal slice beside the block");
    }

    @Test
    void heatIsHotterWhereTheValueIsHigherAndLabelsCanBeLeftOut() {
        Volume heat = ct();
        java.util.Arrays.fill(heat.data(), 0f);
        heat.set(3, 3, 1, 1f);
        heat.set(4, 3, 1, 0.3f);
        SliceOverlay map = SliceOverlay.guess("saliency", heat);
        assertTrue(map.heat(), "fractional values are heat");
        RgbU8 shown = SliceRenderer.render(ct(), Plane.AXIAL, 1, LIVER, List.of(map), 1);
        assertTrue(rgb(shown, 3, 3)[2] > rgb(shown, 4, 3)[2] && rgb(shown, 4, 3)[0] > rgb(shown, 4, 3)[2]);
        SliceOverlay hidden = SliceOverlay.labels("candidates", block(2), label -> label == 2 ? null : new int[3],
                String::valueOf);
        int grey = LIVER.map(30);
        assertArrayEquals(new int[] {grey, grey, grey}, rgb(SliceRenderer.render(ct(), Plane.AXIAL, 2, LIVER,
                List.of(hidden), 1), 5, 5));
        assertTrue(!SliceOverlay.guess("labels", block(3)).heat());
    }

    @Test
    void anOverlayOnAnotherGridIsRefused() {
        SliceOverlay other = SliceOverlay.labels("other", Volume.create(20, 16, 5, VoxelGeometry.UNIT));
        assertThrows(IllegalArgumentException.class, () -> SliceRenderer.render(ct(), Plane.AXIAL, 0, LIVER,
                List.of(other), 1));
    }

    @Test
    void captionsSitAtEachDrawnLabelsCentreAndTheReadoutNamesWhatIsUnderThePointer() {
        Volume labels = block(4);
        labels.set(15, 12, 2, 5);
        SliceOverlay o = SliceOverlay.labels("lesions", labels, l -> l == 5 ? null : new int[] {255, 0, 0},
                l -> "lesion " + l);
        List<SliceRenderer.Caption> captions = SliceRenderer.captions(o, Plane.AXIAL, 2);
        assertEquals(List.of(new SliceRenderer.Caption(7.5, 5.5, 4, 24, "lesion 4")), captions, "label 5 is undrawn");
        assertEquals(List.of(), SliceRenderer.captions(o, Plane.AXIAL, 0));
        labels.set(5, 4, 1, 4);
        assertEquals(java.util.Map.of(4, 2), SliceRenderer.largestAxialSections(o), "label 4 is largest on slice 2;"
                + " label 5 is not drawn");
        assertEquals(7.5, SliceRenderer.captions(o, Plane.CORONAL, 5).get(0).x());
        assertEquals(2.5, SliceRenderer.captions(o, Plane.CORONAL, 5).get(0).y());
        assertTrue(Plane.CORONAL.shownBottomUp(ct().geometry()) && !Plane.AXIAL.shownBottomUp(ct().geometry()),
                "slices towards the head: the head is shown up");
        int[] voxel = Plane.SAGITTAL.voxel(6, 5, 3);
        assertArrayEquals(new int[] {6, 5, 3}, voxel);
        assertArrayEquals(new int[] {6, 3, 5}, Plane.CORONAL.voxel(3, 6, 5));
        assertEquals("voxel 6, 5, 3 at 4.8, 4.0, 7.5 mm: 30 HU; lesions lesion 4", SliceRenderer.readout(ct(),
                List.of(o), voxel[0], voxel[1], voxel[2]));
        assertEquals("voxel 0, 0, 0 at 0.0, 0.0, 0.0 mm: 30 HU", SliceRenderer.readout(ct(), List.of(o), 0, 0, 0));
    }
}
