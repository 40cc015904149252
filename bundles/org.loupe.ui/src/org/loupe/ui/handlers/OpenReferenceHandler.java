package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.ImageDocument;

/** File > Open Reference: reads the golden template (aligned, same size) of the open image in the background. */
public final class OpenReferenceHandler extends ImageOpenHandler {

    /** Asks for a file and opens it as the reference. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Open the reference (golden template) of the open image");
        dialog.setFilterExtensions(OpenHandler.EXTENSIONS);
        dialog.setFilterNames(OpenHandler.NAMES);
        if (document.path() != null) {
            dialog.setFilterPath(document.path().toAbsolutePath().getParent().toString());
        }
        String file = dialog.open();
        if (file != null) {
            document.openReference(Path.of(file));
        }
    }
}
