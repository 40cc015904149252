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
import org.loupe.ui.VolumeDocument;

/**
 * File > Add Overlay: lays a NIfTI map over the open volume, such as a segmentation from {@code loupe segment} or a
 * truth label map; whole-numbered maps are drawn as labels, others as heat.
 */
public final class AddOverlayHandler {

    /** Only with a volume open. */
    @CanExecute
    public boolean canExecute(VolumeDocument document) {
        return document.volume() != null;
    }

    /** Asks for a NIfTI file and adds it. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, VolumeDocument document) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Add an overlay on the volume's grid");
        dialog.setFilterExtensions(new String[] {"*.nii;*.nii.gz", "*"});
        dialog.setFilterNames(new String[] {"NIfTI", "All files"});
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            document.addOverlay(Path.of(file));
        } catch (IllegalStateException e) {
            MessageDialog.openInformation(shell, "Add Overlay", e.getMessage());
        }
    }
}
