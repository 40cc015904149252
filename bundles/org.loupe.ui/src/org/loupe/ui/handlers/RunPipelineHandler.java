package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.PipelineRun;

/**
 * File > Run Pipeline: choose a pipeline file, the folder of inputs (or none, to use the pipeline's own) and the
 * output folder, then run in the background and show the Results view.
 */
public final class RunPipelineHandler {

    /** One run at a time. */
    @CanExecute
    public boolean canExecute(PipelineRun run) {
        return run.state() != PipelineRun.State.RUNNING;
    }

    /** Asks for the files, starts the run and brings the Results view forward. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, PipelineRun run, EPartService parts) {
        FileDialog pick = new FileDialog(shell, SWT.OPEN);
        pick.setText("Run Pipeline: the pipeline file");
        pick.setFilterExtensions(new String[] {"*.json", "*"});
        String file = pick.open();
        if (file == null) {
            return;
        }
        DirectoryDialog inputs = new DirectoryDialog(shell);
        inputs.setText("Run Pipeline: the folder of inputs (Cancel: the pipeline's own input paths)");
        String in = inputs.open();
        DirectoryDialog outputs = new DirectoryDialog(shell);
        outputs.setText("Run Pipeline: the output folder (an earlier run's folder goes on where it stopped)");
        String out = outputs.open();
        if (out == null) {
            return;
        }
        run.start(Path.of(file), in == null ? null : Path.of(in), Path.of(out));
        parts.showPart(PipelineRun.PART_ID, EPartService.PartState.ACTIVATE);
    }
}
