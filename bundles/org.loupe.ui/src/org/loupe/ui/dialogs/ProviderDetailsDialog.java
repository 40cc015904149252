package org.loupe.ui.dialogs;

import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.ImageType;
import org.loupe.registry.ModelRecords;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;

/**
 * One provider in full, as {@code loupe describe} shows it: what it does, what it accepts, its model, its bundle,
 * its health, every parameter with type, default, range and meaning, and the shipped model's training record. The text
 * can be selected and copied.
 */
public final class ProviderDetailsDialog extends TitledDialog {

    private final String text;

    /** A dialog describing {@code status} (asking for the parameters activates the provider). */
    public ProviderDetailsDialog(Shell shell, ProviderRegistry registry, ProviderStatus status) {
        super(shell, "Provider");
        this.text = describe(registry, status);
    }

    /** The description shown. */
    public static String describe(ProviderRegistry registry, ProviderStatus status) {
        ProviderDescriptor d = status.descriptor();
        StringBuilder s = new StringBuilder(d.name() + "\n" + d.id() + " " + d.version() + ", " + d.kind().label()
                + "\n\n");
        if (!d.description().isEmpty()) {
            s.append(d.description()).append("\n\n");
        }
        s.append("Accepts: ").append(d.inputTypes().isEmpty() ? "any image" : d.inputTypes().stream()
                .map(ImageType::toString).collect(Collectors.joining(", "))).append('\n');
        s.append("Accelerator: ").append(d.accelerator()).append('\n');
        if (!d.model().isEmpty()) {
            s.append("Model: ").append(d.model()).append('\n');
        }
        s.append("Bundle: ").append(d.bundle()).append(' ').append(d.bundleVersion()).append('\n');
        s.append("Health: ").append(status.health()).append(status.failure().isEmpty() ? "" : ": "
                + status.failure()).append("\n\n");
        List<ParameterSpec> specs;
        try {
            specs = registry.provider(d.id(), d.kind().serviceType()).call(LoupeService::parameters);
        } catch (LoupeException e) {
            return s.append("Parameters could not be read: ").append(e.getMessage()).toString();
        }
        s.append(specs.isEmpty() ? "No parameters" : "Parameters:").append('\n');
        for (ParameterSpec p : specs) {
            s.append("  ").append(p.key()).append(" (").append(p.type().name().toLowerCase(java.util.Locale.ROOT))
                    .append(", default ").append(p.defaultValue().isEmpty() ? "none" : p.defaultValue()).append(", ")
                    .append(p.range()).append("): ").append(p.description()).append('\n');
        }
        List<String> record = ModelRecords.of(d);
        if (!record.isEmpty()) {
            s.append("\nTraining record (from the shipped model's files):\n");
            record.forEach(line -> s.append("  ").append(line).append('\n'));
        }
        return s.toString();
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text t = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        t.setText(text);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 320).applyTo(t);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
