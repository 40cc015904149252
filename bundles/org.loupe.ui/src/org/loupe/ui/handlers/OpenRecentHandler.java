package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.WorkbenchSettings;
import org.loupe.ui.dialogs.TitledDialog;

/** File > Open Recent... (Ctrl+Shift+O): the files opened lately, newest first; double-click or OK opens one. */
public final class OpenRecentHandler {

    /** Needs a recent file and no job running. */
    @CanExecute
    public boolean canExecute(WorkbenchSettings settings, ImageDocument document) {
        return !settings.recentFiles().isEmpty() && !document.isBusy();
    }

    /** Lists the recent files and opens the chosen one. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, WorkbenchSettings settings,
            ImageDocument document) {
        List<Path> files = settings.recentFiles();
        Path[] chosen = new Path[1];
        Dialog dialog = new TitledDialog(shell, "Open recent") {
            private org.eclipse.swt.widgets.List list;

            @Override
            protected Control createDialogArea(Composite parent) {
                Composite area = (Composite) super.createDialogArea(parent);
                list = new org.eclipse.swt.widgets.List(area, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
                files.forEach(f -> list.add(f.getFileName() + "  -  " + f.getParent()));
                list.select(0);
                list.addListener(SWT.DefaultSelection, e -> okPressed());
                GridDataFactory.fillDefaults().grab(true, true).hint(520, 200).applyTo(list);
                return area;
            }

            @Override
            protected void okPressed() {
                int i = list.getSelectionIndex();
                chosen[0] = i < 0 ? null : files.get(i);
                super.okPressed();
            }
        };
        if (dialog.open() == Window.OK && chosen[0] != null) {
            document.open(chosen[0]);
        }
    }
}
