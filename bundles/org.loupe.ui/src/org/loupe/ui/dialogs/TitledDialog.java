package org.loupe.ui.dialogs;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.widgets.Shell;

/** A plain dialog with a window title that the user can resize: the workbench's reading and choosing dialogs. */
public abstract class TitledDialog extends Dialog {

    private final String title;

    /** A dialog over {@code shell} titled {@code title}. */
    protected TitledDialog(Shell shell, String title) {
        super(shell);
        this.title = title;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
