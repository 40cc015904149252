package org.loupe.ui;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Asks before the workbench closes over a result that was never saved: File > Quit, Ctrl+Q and the window's close. */
public final class UnsavedResult {

    private UnsavedResult() {
    }

    /** Whether to go on closing: yes when every result is saved, else the user's answer (Cancel keeps it open). */
    public static boolean confirmClose(Shell shell, ImageDocument document) {
        if (!document.unsavedResult()) {
            return true;
        }
        MessageDialog ask = new MessageDialog(shell, "Quit Loupe", null, "The result of "
                + document.resultProvider().name() + " on " + document.image().metadata().label("the image")
                + " has not been saved. Quit anyway and lose it?", MessageDialog.QUESTION, 1, "Quit Without Saving",
                "Cancel");
        return ask.open() == 0;
    }
}
