package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.ImageDocument;

/** File > Open: reads an image file in the background. */
public final class OpenHandler {

    /** Asks for a file and opens it. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Open image");
        dialog.setFilterExtensions(new String[] {"*.png;*.jpg;*.jpeg;*.bmp;*.tif;*.tiff;*.pgm;*.ppm", "*"});
        dialog.setFilterNames(new String[] {"Images", "All files"});
        String file = dialog.open();
        if (file != null) {
            document.open(Path.of(file));
        }
    }
}
