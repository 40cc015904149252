package org.loupe.segment.unet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loupe.image.GrayF32;

class SliceGridTest {

    private static GrayF32 disc(int w, int h, double cx, double cy, double r) {
        GrayF32 g = GrayF32.create(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                g.set(x, y, Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < r ? 1 : 0);
            }
        }
        return g;
    }

    @Test
    void aMaskKeepsItsAreaOnTheGridAsShares() {
        GrayF32 mask = disc(256, 256, 100, 140, 50);
        float[] grid = new SliceGrid(256, 256).down(mask, 0);
        double area = 0;
        for (float v : grid) {
            assertTrue(v >= 0 && v <= 1, "a share: " + v);
            area += v;
        }
        assertEquals(Math.PI * 50 * 50 / 4, area, 0.01 * Math.PI * 50 * 50 / 4, "a quarter of the pixels");
    }

    @Test
    void aNonSquareSliceIsPaddedWithAirAndComesBackInPlace() {
        // 200 wide, 100 high: padded to 200 x 200 with 50 rows of air above and below
        GrayF32 slice = disc(200, 100, 60, 50, 30);
        SliceGrid grid = new SliceGrid(200, 100);
        float[] down = grid.down(slice);
        assertEquals(SliceGrid.AIR_HU, down[2 * SliceGrid.SIDE + 64], 1e-3, "air padded above");
        float[] back = grid.up(grid.down(slice, 0));
        int wrong = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                wrong += (back[y * 200 + x] > 0.5) != (slice.get(x, y) > 0.5) ? 1 : 0;
            }
        }
        // only pixels along the outline (perimeter about 190) may flip, through the coarser grid
        assertTrue(wrong < 190, "pixels that came back on the other side of 0.5: " + wrong);
        assertEquals(1f, back[50 * 200 + 60], 1e-3f, "the centre");
        assertEquals(0f, back[50 * 200 + 150], 1e-3f, "far outside");
    }
}
