package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.LoupeException;
import org.loupe.ui.ImageFolder;
import org.loupe.ui.WorkbenchSettings;

/** File > Open Folder: lists a folder's images in the Folder view to browse them one by one. */
public final class OpenFolderHandler {

    /** Asks for a folder and lists it. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ImageFolder folder, EPartService parts,
            WorkbenchSettings settings) {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setFilterPath(Objects.toString(settings.openFolder(), null));
        dialog.setText("Open a folder of images");
        String dir = dialog.open();
        if (dir == null) {
            return;
        }
        try {
            folder.open(Path.of(dir));
            parts.showPart(ImageFolder.PART_ID, EPartService.PartState.ACTIVATE);
        } catch (LoupeException e) {
            MessageDialog.openError(shell, "Open Folder", e.getMessage());
        }
    }
}
