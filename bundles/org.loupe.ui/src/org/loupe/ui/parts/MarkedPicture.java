package org.loupe.ui.parts;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.loupe.api.LoupeException;
import org.loupe.image.WindowLevel;
import org.loupe.image.io.AtomicFiles;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.widgets.MarkPainter;

/** Saves the open image with its marks drawn on, at 1:1 and in the display window the view shows, as a PNG. */
public final class MarkedPicture {

    private MarkedPicture() {
    }

    /**
     * Writes the picture atomically.
     *
     * @throws LoupeException INPUT naming the target if it cannot be written
     */
    public static void save(Display display, ImageDocument document, Path target) throws LoupeException {
        WindowLevel window = document.displayWindow() != null ? document.displayWindow()
                : ImagePart.defaultWindow(document.image());
        MarkPainter painter = new MarkPainter(display);
        ImageData data;
        try {
            data = painter.annotated(document.image(), window, document.marks());
        } finally {
            painter.dispose();
        }
        try {
            AtomicFiles.write(target, out -> {
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {data};
                loader.save(out, SWT.IMAGE_PNG);
            });
        } catch (IOException e) {
            throw LoupeException.badInput(target.toString(), "cannot be written: " + e.getMessage(), e);
        }
    }
}
