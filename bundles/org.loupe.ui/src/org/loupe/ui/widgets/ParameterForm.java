package org.loupe.ui.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.loupe.api.LoupeException;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;

/**
 * A form generated from a provider's parameter specs: a check box, a choice or a text field per parameter, with its
 * range beside it. Values are validated the same way as on the command line. A form taller than the space it is
 * given scrolls, so the dialog around it keeps its buttons.
 */
public final class ParameterForm {

    /** Width at which a parameter's range wraps. */
    private static final int RANGE_WIDTH = 240;

    private final ScrolledComposite scroll;
    private final Composite form;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private List<ParameterSpec> specs = List.of();

    /** An empty form in {@code parent}'s grid, spanning {@code columns} columns. */
    public ParameterForm(Composite parent, int columns) {
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        GridDataFactory.fillDefaults().span(columns, 1).grab(true, true).minSize(SWT.DEFAULT, 60).applyTo(scroll);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        form = new Composite(scroll, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(form);
        scroll.setContent(form);
        scroll.addListener(SWT.Resize, e -> fitContent());
    }

    /** Replaces the fields with those of {@code newSpecs}, at their defaults. */
    public void show(List<ParameterSpec> newSpecs) {
        for (Control c : form.getChildren()) {
            c.dispose();
        }
        fields.clear();
        specs = newSpecs;
        for (ParameterSpec s : specs) {
            Label l = new Label(form, SWT.NONE);
            l.setText(s.key());
            l.setToolTipText(s.description());
            fields.put(s.key(), field(s));
            Label range = new Label(form, SWT.WRAP);
            range.setText(s.range());
            GridDataFactory.fillDefaults().grab(true, false).hint(Math.min(RANGE_WIDTH, range.computeSize(SWT.DEFAULT,
                    SWT.DEFAULT).x), SWT.DEFAULT).applyTo(range);
        }
        fitContent();
        scroll.getParent().layout(true, true);
    }

    /** The form's height at the width it is shown: the scroll bar appears only when it is taller than that. */
    private void fitContent() {
        int width = Math.max(1, scroll.getClientArea().width);
        scroll.setMinSize(form.computeSize(scroll.getClientArea().width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
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

    /**
     * The entered values, validated.
     *
     * @throws LoupeException USAGE naming the first bad value
     */
    public Parameters values() throws LoupeException {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, c) -> values.put(key, c instanceof Button b ? Boolean.toString(b.getSelection())
                : c instanceof Combo k ? k.getText() : ((Text) c).getText()));
        return Parameters.bind(specs, values);
    }
}
