package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.loupe.image.PixelImage;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.dialogs.ClassifyPatchesDialog;

/** Inspect > Classify Patches: cuts the open image into patches, classifies each against the reference, marks all. */
public final class ClassifyPatchesHandler extends ImageOpenHandler {

    /** Shows the dialog and starts the run. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageDocument document,
            ProviderRegistry registry) {
        PixelImage image = document.image();
        ClassifyPatchesDialog dialog = new ClassifyPatchesDialog(shell, registry, image.type(),
                Math.min(image.width(), image.height()));
        if (dialog.open() == Window.OK) {
            document.classifyPatches(dialog.provider(), dialog.parameters(), dialog.side());
        }
    }
}
