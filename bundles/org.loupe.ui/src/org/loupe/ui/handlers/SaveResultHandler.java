package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFormat;
import org.loupe.ui.ImageDocument;

/** File > Save Result: writes the enhancer's result at full bit depth, never over the input image. */
public final class SaveResultHandler {

    /** Needs a result. */
    @CanExecute
    public boolean canExecute(ImageDocument document) {
        return document.result() != null;
    }

    /** Asks where, then saves. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Save result");
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*.tif", "*.png", "*.pgm;*.ppm", "*.bmp", "*.jpg"});
        dialog.setFileName(suggestedName(document));
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            document.saveResult(Path.of(file));
        } catch (LoupeException e) {
            MessageDialog.openError(shell, "Save result", e.getMessage());
        }
    }

    private static String suggestedName(ImageDocument document) {
        String name = document.image().metadata().name();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        ImageFormat asked = ImageFormat.fromFileName(name).orElse(ImageFormat.TIFF);
        return stem + "." + document.resultProvider().id() + "." + asked.orTiffFor(document.result().type())
                .extension();
    }
}
