package org.loupe.ui.dialogs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;

/**
 * Chooses an enhancer that accepts the open image's type and fills in its parameters; a form is generated from the
 * provider's parameter specs, and values are validated the same way as on the command line before the dialog closes.
 */
public final class RunEnhancerDialog extends TitleAreaDialog {

    private final ProviderRegistry registry;
    private final ImageType type;
    private final List<ProviderStatus> choices;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private Combo combo;
    private Composite form;
    private List<ParameterSpec> specs = List.of();
    private ProviderHandle<ImageEnhancer> chosen;
    private Parameters parameters;

    /** A dialog offering the healthy enhancers that accept {@code type}. */
    public RunEnhancerDialog(Shell shell, ProviderRegistry registry, ImageType type) {
        super(shell);
        this.registry = registry;
        this.type = type;
        this.choices = registry.providers(ProviderKind.ENHANCER).stream()
                .filter(s -> s.descriptor().accepts(type) && s.health() != Health.FAULTY).toList();
    }

    /** The chosen enhancer, after OK. */
    public ProviderHandle<ImageEnhancer> enhancer() {
        return chosen;
    }

    /** The validated parameters, after OK. */
    public Parameters parameters() {
        return parameters;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Run enhancer");
        setMessage("Enhancers that accept " + type + " images");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        new Label(body, SWT.NONE).setText("Enhancer");
        combo = new Combo(body, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        choices.forEach(s -> combo.add(s.descriptor().name() + "  (" + s.descriptor().id() + " "
                + s.descriptor().version() + ")"));
        form = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(form);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(form);
        combo.addListener(SWT.Selection, e -> select(combo.getSelectionIndex()));
        if (choices.isEmpty()) {
            setErrorMessage("No installed enhancer accepts " + type + " images");
        } else {
            combo.select(0);
            select(0);
        }
        return area;
    }

    private void select(int index) {
        for (Control c : form.getChildren()) {
            c.dispose();
        }
        fields.clear();
        setErrorMessage(null);
        try {
            chosen = registry.provider(choices.get(index).descriptor().id(), ImageEnhancer.class);
            specs = chosen.call(LoupeService::parameters);
        } catch (LoupeException e) {
            specs = List.of();
            setErrorMessage(e.getMessage());
        }
        setMessage(choices.get(index).descriptor().description());
        for (ParameterSpec s : specs) {
            Label l = new Label(form, SWT.NONE);
            l.setText(s.key());
            l.setToolTipText(s.description());
            fields.put(s.key(), field(s));
            new Label(form, SWT.NONE).setText(s.range());
        }
        form.getParent().layout(true, true);
        getShell().pack();
    }

    private Control field(ParameterSpec s) {
        Control c;
        if (s.type() == ParameterSpec.Type.BOOLEAN) {
            Button b = new Button(form, SWT.CHECK);
            b.setSelection(Boolean.parseBoolean(s.defaultValue()));
            c = b;
        } else if (s.type() == ParameterSpec.Type.CHOICE) {
            Combo k = new Combo(form, SWT.READ_ONLY);
            s.choices().forEach(k::add);
            k.select(0);
            c = k;
        } else {
            Text t = new Text(form, SWT.BORDER);
            t.setText(s.defaultValue());
            GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(t);
            c = t;
        }
        c.setToolTipText(s.description());
        return c;
    }

    @Override
    protected void okPressed() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, c) -> values.put(key, c instanceof Button b ? Boolean.toString(b.getSelection())
                : c instanceof Combo k ? k.getText() : ((Text) c).getText()));
        try {
            if (chosen == null) {
                throw LoupeException.usage("choose an enhancer");
            }
            parameters = Parameters.bind(specs, values);
        } catch (LoupeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        super.okPressed();
    }
}
