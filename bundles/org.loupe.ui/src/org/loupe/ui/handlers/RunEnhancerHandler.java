package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.dialogs.RunEnhancerDialog;

/** Image > Run Enhancer: choose an enhancer and its parameters, then run it as a cancellable background job. */
public final class RunEnhancerHandler extends ImageOpenHandler {

    /** Shows the dialog and starts the run. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document,
            ProviderRegistry registry) {
        RunEnhancerDialog dialog = new RunEnhancerDialog(shell, registry, document.image().type());
        if (dialog.open() == Window.OK) {
            document.run(dialog.provider(), dialog.parameters());
        }
    }
}
