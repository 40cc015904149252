package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFormat;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.SaveSuggestion;
import org.loupe.ui.WorkbenchSettings;

/** File > Save Result: writes the enhancer's result at full bit depth, never over the input image. */
public final class SaveResultHandler {

    /** The formats offered, each its own filter so that the proposed one can be preselected. */
    private static final List<ImageFormat> FILTERS = List.of(ImageFormat.TIFF, ImageFormat.PNG, ImageFormat.PGM,
            ImageFormat.PPM, ImageFormat.BMP, ImageFormat.JPEG);

    /** Needs a result. */
    @CanExecute
    public boolean canExecute(ImageDocument document) {
        return document.result() != null;
    }

    /** Asks where (proposing the last folder and the input's format), then saves. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document,
            WorkbenchSettings settings) {
        SaveSuggestion proposed = SaveSuggestion.of(document, settings.choices().saveFolder());
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Save result");
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(FILTERS.stream().map(f -> "*." + f.extension()).toArray(String[]::new));
        dialog.setFilterNames(FILTERS.stream().map(f -> f + " (*." + f.extension() + ")").toArray(String[]::new));
        dialog.setFilterIndex(Math.max(0, FILTERS.indexOf(proposed.format())));
        dialog.setFilterPath(proposed.folder().toString());
        dialog.setFileName(proposed.fileName());
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            document.saveResult(Path.of(file));
        } catch (LoupeException e) {
            MessageDialog.openError(shell, "Save result", e.getMessage());
        }
    }
}
