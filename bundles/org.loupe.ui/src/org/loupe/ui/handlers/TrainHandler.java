package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.TrainingRun;
import org.loupe.ui.dialogs.TrainDialog;

/** Model > Train Model: choose a trainer, data and settings, then train in the background and show the progress. */
public final class TrainHandler {

    /** One run at a time. */
    @CanExecute
    public boolean canExecute(TrainingRun run) {
        return run.state() != TrainingRun.State.RUNNING;
    }

    /** Shows the dialog, starts the run and brings the Training view forward. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, TrainingRun run,
            ProviderRegistry registry, EPartService parts) {
        TrainDialog dialog = new TrainDialog(shell, registry);
        if (dialog.open() == Window.OK) {
            run.start(dialog.provider(), dialog.parameters(), dialog.dataset(), dialog.output(), dialog.resume());
            parts.showPart(TrainingRun.PART_ID, EPartService.PartState.ACTIVATE);
        }
    }
}
