package org.loupe.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** File > Quit. */
public final class QuitHandler {

    /** Closes the workbench. */
    @Execute
    public void execute(IWorkbench workbench) {
        workbench.close();
    }
}
