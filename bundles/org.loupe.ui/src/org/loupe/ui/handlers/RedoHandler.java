package org.loupe.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.loupe.ui.ImageDocument;

/** Image > Redo (Ctrl+Shift+Z): redoes the last undone Use Result as Input. */
public final class RedoHandler {

    /** Needs something undone. */
    @CanExecute
    public boolean canExecute(ImageDocument document) {
        return document.canRedo();
    }

    /** Redoes. */
    @Execute
    public void execute(ImageDocument document) {
        document.redo();
    }
}
