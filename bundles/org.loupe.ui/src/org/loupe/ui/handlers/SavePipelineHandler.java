package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.LoupeException;
import org.loupe.pipeline.Pipeline;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;

/**
 * File > Save Session as Pipeline: writes what was run on the open image as a pipeline file, which {@code loupe run}
 * and File > Run Pipeline run on other images.
 */
public final class SavePipelineHandler {

    /** Needs something run on the open image. */
    @CanExecute
    public boolean canExecute(ImageDocument document) {
        return document.image() != null && !document.session().isEmpty();
    }

    /** Asks where, then saves and says what the pipeline holds. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document,
            ProviderRegistry registry) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Save session as pipeline");
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*.json"});
        dialog.setFileName("session.json");
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            Pipeline p = document.session().save(Path.of(file), registry, document.path(),
                    document.referencePath());
            MessageDialog.openInformation(shell, "Save session as pipeline", "Saved " + p.steps().size()
                    + " step(s) on inputs matching " + p.match().text() + (p.paths().isEmpty() ? ""
                    : " in " + p.paths().get(0)) + ". Run it with File > Run Pipeline or ./loupe run " + file + ".");
        } catch (LoupeException e) {
            MessageDialog.openError(shell, "Save session as pipeline", e.getMessage());
        }
    }
}
