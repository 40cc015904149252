package org.loupe.ui.dialogs;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.loupe.api.DefectClassifier;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.ProviderRegistry;

/**
 * Chooses a classifier that accepts the open image's type, the side of the square patches the board is cut into, and
 * the classifier's parameters.
 */
public final class ClassifyPatchesDialog extends ProviderDialog<DefectClassifier> {

    /** The patch side Loupe's own Siamese classifier takes. */
    private static final int DEFAULT_SIDE = 64;

    private final ImageType type;
    private final int maxSide;
    private Spinner sideField;
    private int side = DEFAULT_SIDE;

    /** A dialog offering the healthy classifiers that accept {@code type}, for an image of the given smaller side. */
    public ClassifyPatchesDialog(Shell shell, ProviderRegistry registry, ImageType type, int maxSide) {
        super(shell, registry, DefectClassifier.class, accepting(registry, ProviderKind.CLASSIFIER, type));
        this.type = type;
        this.maxSide = maxSide;
    }

    /** The chosen patch side, after OK. */
    public int side() {
        return side;
    }

    @Override
    String title() {
        return "Classify a " + type + " image patch by patch against its reference";
    }

    @Override
    String noChoice() {
        return "No installed classifier accepts " + type + " images";
    }

    @Override
    void addFields(Composite body) {
        new Label(body, SWT.NONE).setText("Patch side (px)");
        sideField = new Spinner(body, SWT.BORDER);
        sideField.setValues(Math.min(DEFAULT_SIDE, maxSide), 1, maxSide, 0, 8, 64);
        GridDataFactory.swtDefaults().span(columns() - 1, 1).applyTo(sideField);
    }

    @Override
    void accept() {
        side = sideField.getSelection();
    }
}
