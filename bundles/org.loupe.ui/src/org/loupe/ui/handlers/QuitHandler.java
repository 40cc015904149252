package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.UnsavedResult;

/** File > Quit: closes the workbench, asking first when a result has not been saved. */
public final class QuitHandler {

    /** Asks if needed, then closes the workbench. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document,
            IWorkbench workbench) {
        if (UnsavedResult.confirmClose(shell, document)) {
            workbench.close();
        }
    }
}
