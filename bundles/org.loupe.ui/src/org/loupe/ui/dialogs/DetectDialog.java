package org.loupe.ui.dialogs;

import org.eclipse.swt.widgets.Shell;
import org.loupe.api.DefectDetector;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.ProviderRegistry;

/** Chooses a detector that accepts the open image's type and fills in its parameters. */
public final class DetectDialog extends ProviderDialog<DefectDetector> {

    private final ImageType type;

    /** A dialog offering the healthy detectors that accept {@code type}. */
    public DetectDialog(Shell shell, ProviderRegistry registry, ImageType type) {
        super(shell, registry, DefectDetector.class, accepting(registry, ProviderKind.DETECTOR, type));
        this.type = type;
    }

    @Override
    String title() {
        return "Detect defects in a " + type + " image";
    }

    @Override
    String noChoice() {
        return "No installed detector accepts " + type + " images";
    }
}
