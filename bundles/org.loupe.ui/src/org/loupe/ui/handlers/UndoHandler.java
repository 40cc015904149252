package org.loupe.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.loupe.ui.ImageDocument;

/** Image > Undo (Ctrl+Z): undoes the last Use Result as Input, bringing back the earlier input and its result. */
public final class UndoHandler {

    /** Needs something to undo. */
    @CanExecute
    public boolean canExecute(ImageDocument document) {
        return document.canUndo();
    }

    /** Undoes. */
    @Execute
    public void execute(ImageDocument document) {
        document.undo();
    }
}
