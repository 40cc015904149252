package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.ComputeSettings;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.WorkbenchSettings;
import org.loupe.ui.dialogs.PreferencesDialog;

/** File > Preferences...: edits the settings and applies them to the document at once. */
public final class PreferencesHandler {

    /** Shows the dialog; OK saves and applies. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, WorkbenchSettings settings,
            ImageDocument document) {
        if (new PreferencesDialog(shell, settings).open() == Window.OK) {
            apply(settings, document);
        }
    }

    /**
     * Gives the document the settings' budget and pixel limit, and the learned providers their device and tile
     * (also at start-up).
     */
    public static void apply(WorkbenchSettings settings, ImageDocument document) {
        WorkbenchSettings.Choices c = settings.choices();
        document.setMemoryBudget(Math.round(c.memoryBudgetGb() * 1e9));
        document.setMaxPixels(c.maxPixels());
        ComputeSettings.setDevice(c.device());
        ComputeSettings.setMaxTile(c.maxTile());
    }
}
