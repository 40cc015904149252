package org.loupe.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.loupe.ui.ImageDocument;

/** Image > Use Result as Input: the next step works on the result (a chain such as denoise, then sharpen). */
public final class UseResultHandler {

    /** Needs a result and no job running. */
    @CanExecute
    public boolean canExecute(ImageDocument document) {
        return document.result() != null && !document.isBusy();
    }

    /** Chains the result. */
    @Execute
    public void execute(ImageDocument document) {
        document.useResultAsInput();
    }
}
