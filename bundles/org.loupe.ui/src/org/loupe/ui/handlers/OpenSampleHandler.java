package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.dialogs.SampleDialog;

/** File > Open Sample: opens one of the images bundled with Loupe. */
public final class OpenSampleHandler {

    /** Asks which sample and opens it. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document) {
        SampleDialog dialog = new SampleDialog(shell);
        if (dialog.open() == Window.OK && dialog.sample() != null) {
            document.open(dialog.sample());
        }
    }
}
