package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.VolumeDocument;
import org.loupe.ui.WorkbenchSettings;

/**
 * File > Open Volume: a NIfTI file, or any file of a DICOM series (the series in its folder opens), in the Volume
 * view.
 */
public final class OpenVolumeHandler {

    /** Asks for a file and opens its volume. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, VolumeDocument document,
            EPartService parts, WorkbenchSettings settings) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setFilterPath(Objects.toString(settings.openFolder(), null));
        dialog.setText("Open a volume: a NIfTI file, or one file of a DICOM series");
        dialog.setFilterExtensions(new String[] {"*.nii;*.nii.gz;*.dcm", "*"});
        dialog.setFilterNames(new String[] {"NIfTI and DICOM", "All files (DICOM slices often have no extension)"});
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            document.open(Path.of(file));
            parts.showPart(VolumeDocument.PART_ID, EPartService.PartState.ACTIVATE);
        } catch (IllegalStateException e) {
            MessageDialog.openInformation(shell, "Open Volume", e.getMessage());
        }
    }
}
