package org.loupe.ui.widgets;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.RgbU8;
import org.loupe.image.WindowLevel;

/** Turns Loupe images into SWT image data for the screen, through a display window. */
public final class SwtImages {

    private static final PaletteData GREY = greyPalette();

    private SwtImages() {
    }

    /** 8-bit grey or 24-bit colour image data showing {@code image} through {@code window}. */
    public static ImageData toImageData(PixelImage image, WindowLevel window) {
        PixelImage shown = window.toDisplay(image);
        int w = shown.width();
        int h = shown.height();
        if (shown instanceof GrayU8 g) {
            ImageData data = new ImageData(w, h, 8, GREY);
            for (int y = 0; y < h; y++) {
                System.arraycopy(g.data(), g.offset() + y * g.stride(), data.data, y * data.bytesPerLine, w);
            }
            return data;
        }
        RgbU8 c = (RgbU8) shown;
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        for (int y = 0; y < h; y++) {
            System.arraycopy(c.data(), c.offset() + y * c.stride(), data.data, y * data.bytesPerLine, 3 * w);
        }
        return data;
    }

    private static PaletteData greyPalette() {
        RGB[] rgb = new RGB[256];
        for (int i = 0; i < 256; i++) {
            rgb[i] = new RGB(i, i, i);
        }
        return new PaletteData(rgb);
    }
}
