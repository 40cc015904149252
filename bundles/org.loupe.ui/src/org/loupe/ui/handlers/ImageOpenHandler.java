package org.loupe.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.loupe.ui.ImageDocument;

/** A handler that works on the open image: enabled while an image is open and no job is running. */
abstract class ImageOpenHandler {

    /** Needs an open image and no job running. */
    @CanExecute
    public boolean canExecute(ImageDocument document) {
        return document.image() != null && !document.isBusy();
    }
}
