package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.PluginsRun;
import org.loupe.ui.dialogs.InstallPluginsDialog;

/** Help > Install Plugins...: the dialog listing an update site's plugins and installing the chosen ones. */
public final class InstallPluginsHandler {

    /** Opens the dialog. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, PluginsRun run) {
        new InstallPluginsDialog(shell, run).open();
    }
}
