package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.WorkbenchSettings;

/** File > Open: reads an image file in the background. */
public final class OpenHandler {

    /** The file dialog's filters for images Loupe reads. */
    static final String[] EXTENSIONS = {"*.png;*.jpg;*.jpeg;*.bmp;*.tif;*.tiff;*.pgm;*.ppm;*.dcm;*.nii;*.nii.gz", "*"};
    /** Their names. */
    static final String[] NAMES = {"Images", "All files"};

    /** Asks for a file and opens it. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document,
            WorkbenchSettings settings) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setFilterPath(Objects.toString(settings.openFolder(), null));
        dialog.setText("Open image");
        dialog.setFilterExtensions(EXTENSIONS);
        dialog.setFilterNames(NAMES);
        String file = dialog.open();
        if (file != null) {
            document.open(Path.of(file));
        }
    }
}
