package org.loupe.ui.dialogs;

import org.eclipse.swt.widgets.Shell;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.ProviderRegistry;

/**
 * Chooses an enhancer that accepts the open image's type and fills in its parameters; values are validated the same
 * way as on the command line before the dialog closes.
 */
public final class RunEnhancerDialog extends ProviderDialog<ImageEnhancer> {

    private final ImageType type;

    /** A dialog offering the healthy enhancers that accept {@code type}. */
    public RunEnhancerDialog(Shell shell, ProviderRegistry registry, ImageType type) {
        super(shell, registry, ImageEnhancer.class, accepting(registry, ProviderKind.ENHANCER, type));
        this.type = type;
    }

    @Override
    String title() {
        return "Run enhancer on a " + type + " image";
    }

    @Override
    String noChoice() {
        return "No installed enhancer accepts " + type + " images";
    }
}
