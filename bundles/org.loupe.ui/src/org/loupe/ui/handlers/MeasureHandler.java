package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.dialogs.MeasureDialog;

/** Image > Measure Against Reference: PSNR, SSIM or other metrics of the image and its result against the reference. */
public final class MeasureHandler {

    /** Needs an open image with a reference, and no job running. */
    @CanExecute
    public boolean canExecute(ImageDocument document) {
        return document.image() != null && document.reference() != null && !document.isBusy();
    }

    /** Asks which metrics, measures in the background, and shows the values. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document,
            ProviderRegistry registry) {
        MeasureDialog dialog = new MeasureDialog(shell, registry, document.image().type());
        if (dialog.open() != Window.OK) {
            return;
        }
        Job job = document.measure(dialog.metrics());
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed() && !document.measurements().isEmpty()) {
                        MessageDialog.openInformation(shell, "Measured against the reference", table(document));
                    }
                });
            }
        });
    }

    private static String table(ImageDocument document) {
        return document.measurements().stream().map(m -> String.format(Locale.ROOT, "%-12s input %10.4f%s",
                m.metric(), m.input(), Double.isNaN(m.result()) ? "" : String.format(Locale.ROOT,
                        "   result %10.4f", m.result())) + (m.unit().isEmpty() ? "" : " " + m.unit()))
                .collect(Collectors.joining("\n"));
    }
}
