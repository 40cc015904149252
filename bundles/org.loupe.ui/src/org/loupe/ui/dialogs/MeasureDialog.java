package org.loupe.ui.dialogs;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;

/** Chooses the metrics to measure the open image and its result against the reference with; PSNR and SSIM first. */
public final class MeasureDialog extends TitleAreaDialog {

    private final ProviderRegistry registry;
    private final List<ProviderStatus> choices;
    private final List<Button> boxes = new ArrayList<>();
    private final List<ProviderHandle<ImageMetric>> chosen = new ArrayList<>();

    /** A dialog offering the healthy metrics that accept {@code type}. */
    public MeasureDialog(Shell shell, ProviderRegistry registry, ImageType type) {
        super(shell);
        this.registry = registry;
        this.choices = ProviderDialog.accepting(registry, ProviderKind.METRIC, type);
    }

    /** The chosen metrics, after OK. */
    public List<ProviderHandle<ImageMetric>> metrics() {
        return chosen;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Measure against the reference");
        setMessage("The open image, and its result where it has the reference's size, are each measured against the "
                + "reference.");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        org.eclipse.jface.layout.GridLayoutFactory.swtDefaults().applyTo(body);
        for (ProviderStatus s : choices) {
            Button b = new Button(body, SWT.CHECK);
            b.setText(s.descriptor().name() + "  (" + s.descriptor().id() + ")");
            b.setToolTipText(s.descriptor().description());
            b.setSelection(s.descriptor().id().endsWith(".psnr") || s.descriptor().id().endsWith(".ssim"));
            b.setData(s.descriptor().id());
            boxes.add(b);
        }
        if (choices.isEmpty()) {
            setErrorMessage("No installed metric accepts this image");
        }
        return area;
    }

    @Override
    protected void okPressed() {
        chosen.clear();
        try {
            for (Button b : boxes) {
                if (b.getSelection()) {
                    chosen.add(registry.provider((String) b.getData(), ImageMetric.class));
                }
            }
        } catch (LoupeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        if (chosen.isEmpty()) {
            setErrorMessage("Choose at least one metric");
            return;
        }
        super.okPressed();
    }
}
