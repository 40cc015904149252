package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.dialogs.GuideDialog;

/** Help > Guide: the README's tour and the docs, installed with the product, read inside the application. */
public final class GuideHandler {

    /** Shows the guide. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new GuideDialog(shell, GuideDialog.installation()).open();
    }
}
