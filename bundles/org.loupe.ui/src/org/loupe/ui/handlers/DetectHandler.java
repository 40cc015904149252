package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.LoupeException;
import org.loupe.pipeline.DetectorChoice;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.dialogs.DetectDialog;

/**
 * Inspect > Detect Defects: runs a detector on the open image (against its reference) and marks what it finds; a
 * detector that cannot run (its model missing or broken) is replaced by the classical one after a warning.
 */
public final class DetectHandler extends ImageOpenHandler {

    /** Shows the dialog and starts the run. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document,
            ProviderRegistry registry) {
        DetectDialog dialog = new DetectDialog(shell, registry, document.image().type());
        if (dialog.open() != Window.OK) {
            return;
        }
        try {
            DetectorChoice choice = DetectorChoice.choose(registry, dialog.provider(), dialog.parameters(), true,
                    w -> MessageDialog.openWarning(shell, "Detect Defects", w));
            document.detect(choice.handle(), choice.parameters());
        } catch (LoupeException e) {
            MessageDialog.openError(shell, "Detect Defects", e.getMessage());
        }
    }
}
