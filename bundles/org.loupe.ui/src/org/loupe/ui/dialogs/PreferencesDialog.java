package org.loupe.ui.dialogs;

import java.util.Locale;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.loupe.ui.WorkbenchSettings;

/** File > Preferences: the memory budget for a job and the pixel limit for opening images, kept between sessions. */
public final class PreferencesDialog extends TitleAreaDialog {

    private final WorkbenchSettings settings;
    private Text budget;
    private Text pixels;

    /** A dialog showing the current settings. */
    public PreferencesDialog(Shell shell, WorkbenchSettings settings) {
        super(shell);
        this.settings = settings;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Preferences");
        setMessage("Kept in workbench.properties of Loupe's home folder.");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);
        budget = field(body, "Memory budget for a job", String.format(Locale.ROOT, "%.2f",
                settings.memoryBudgetGb()).replaceAll("\\.?0+$", ""), "GB (0: half of the "
                + String.format(Locale.ROOT, "%.1f", Runtime.getRuntime().maxMemory() / 1e9) + " GB heap)");
        pixels = field(body, "Largest image to open", String.format(Locale.ROOT, "%.1f", settings.maxPixels() / 1e6)
                .replaceAll("\\.0$", ""), "megapixels");
        return area;
    }

    private static Text field(Composite body, String label, String value, String unit) {
        new Label(body, SWT.NONE).setText(label);
        Text t = new Text(body, SWT.BORDER | SWT.RIGHT);
        t.setText(value);
        GridDataFactory.swtDefaults().hint(90, SWT.DEFAULT).applyTo(t);
        new Label(body, SWT.NONE).setText(unit);
        return t;
    }

    @Override
    protected void okPressed() {
        double gb;
        double mp;
        try {
            gb = Double.parseDouble(budget.getText().trim());
            mp = Double.parseDouble(pixels.getText().trim());
        } catch (NumberFormatException e) {
            setErrorMessage("Give both as numbers, e.g. 2.5 and 100");
            return;
        }
        if (!(gb >= 0) || !(mp > 0)) {
            setErrorMessage("The budget must be 0 or more GB and the limit more than 0 megapixels");
            return;
        }
        settings.set(gb, Math.max(1, Math.round(mp * 1e6)));
        super.okPressed();
    }
}
