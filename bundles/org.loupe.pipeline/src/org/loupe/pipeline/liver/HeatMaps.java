package org.loupe.pipeline.liver;

import java.util.List;
import org.loupe.image.GrayF32;
import org.loupe.image.RgbU8;
import org.loupe.image.WindowLevel;
import org.loupe.image.volume.SliceRenderer;

/**
 * A lesion's explanation as one picture: its patch in the abdominal window, then the same patch under each heat map
 * (black through red and yellow to white, more opaque where the evidence is stronger), side by side and enlarged so
 * that a 32-pixel patch can be read.
 */
public final class HeatMaps {

    /** Screen pixels per patch pixel. */
    public static final int ZOOM = 4;

    private HeatMaps() {
    }

    /** The patch (HU) and its heat maps (values in [0, 1], the patch's size) as panels left to right. */
    public static RgbU8 panels(GrayF32 patch, List<GrayF32> maps) {
        int w = patch.width();
        int h = patch.height();
        RgbU8 out = RgbU8.create(w * ZOOM * (maps.size() + 1), h * ZOOM);
        WindowLevel window = WindowLevel.preset("abdomen");
        for (int panel = 0; panel <= maps.size(); panel++) {
            GrayF32 map = panel == 0 ? null : maps.get(panel - 1);
            for (int y = 0; y < h * ZOOM; y++) {
                for (int x = 0; x < w * ZOOM; x++) {
                    int grey = window.map(patch.get(x / ZOOM, y / ZOOM));
                    int[] rgb = {grey, grey, grey};
                    if (map != null) {
                        double v = Math.max(0, Math.min(1, map.get(x / ZOOM, y / ZOOM)));
                        double alpha = 0.75 * v;
                        int[] hot = SliceRenderer.hot(v);
                        for (int c = 0; c < 3; c++) {
                            rgb[c] = (int) Math.round((1 - alpha) * rgb[c] + alpha * hot[c]);
                        }
                    }
                    out.set(panel * w * ZOOM + x, y, rgb[0], rgb[1], rgb[2]);
                }
            }
        }
        return out;
    }
}
