package org.loupe.ui.dialogs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.loupe.api.ComputeSettings;
import org.loupe.ui.WorkbenchSettings;

/**
 * File > Preferences: the memory budget for a job, the pixel limit for opening images, the compute device and tile
 * size of learned providers, and the folders Open and Save dialogs start in; kept between sessions.
 */
public final class PreferencesDialog extends TitleAreaDialog {

    /** The device choices as the combo lists them, in the order of {@link ComputeSettings.Device}. */
    public static final String[] DEVICES = {"Automatic: a GPU when one is visible, else the CPU", "CPU only"};

    private final WorkbenchSettings settings;
    private Text budget;
    private Text pixels;
    private Combo device;
    private Text tile;
    private Text openFolder;
    private Text saveFolder;

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
        WorkbenchSettings.Choices c = settings.choices();
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);
        budget = field(body, "Memory budget for a job", number(c.memoryBudgetGb()), "GB (0: half of the "
                + String.format(Locale.ROOT, "%.1f", Runtime.getRuntime().maxMemory() / 1e9) + " GB heap)");
        pixels = field(body, "Largest image to open", number(c.maxPixels() / 1e6), "megapixels");
        new Label(body, SWT.NONE).setText("Compute device");
        device = new Combo(body, SWT.READ_ONLY);
        device.setItems(DEVICES);
        device.select(c.device().ordinal());
        GridDataFactory.swtDefaults().span(2, 1).applyTo(device);
        tile = field(body, "Largest tile", Integer.toString(c.maxTile()), "pixels (0: each model's own; smaller "
                + "needs less memory)");
        openFolder = folder(body, "Open files from", c.openFolder(), "(empty: the last file's folder)");
        saveFolder = folder(body, "Save results to", c.saveFolder(), "(empty: the input's folder)");
        return area;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }

    private static Text field(Composite body, String label, String value, String unit) {
        new Label(body, SWT.NONE).setText(label);
        Text t = new Text(body, SWT.BORDER | SWT.RIGHT);
        t.setText(value);
        GridDataFactory.swtDefaults().hint(90, SWT.DEFAULT).applyTo(t);
        new Label(body, SWT.NONE).setText(unit);
        return t;
    }

    private static Text folder(Composite body, String label, Path value, String empty) {
        new Label(body, SWT.NONE).setText(label);
        Text t = new Text(body, SWT.BORDER);
        t.setText(value == null ? "" : value.toString());
        t.setMessage(empty);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(t);
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(body.getShell());
            d.setFilterPath(t.getText());
            String picked = d.open();
            if (picked != null) {
                t.setText(picked);
            }
        });
        return t;
    }

    @Override
    protected void okPressed() {
        double gb;
        double mp;
        int side;
        try {
            gb = Double.parseDouble(budget.getText().trim());
            mp = Double.parseDouble(pixels.getText().trim());
            side = Integer.parseInt(tile.getText().trim());
        } catch (NumberFormatException e) {
            setErrorMessage("Give the budget, the limit and the tile as numbers, e.g. 2.5, 100 and 384");
            return;
        }
        if (!(gb >= 0) || !(mp > 0) || side < 0) {
            setErrorMessage("The budget must be 0 or more GB, the limit more than 0 megapixels, the tile 0 or more");
            return;
        }
        Path open = chosen(openFolder);
        Path save = chosen(saveFolder);
        for (Path p : new Path[] {open, save}) {
            if (p != null && !Files.isDirectory(p)) {
                setErrorMessage("No such folder: " + p);
                return;
            }
        }
        settings.set(new WorkbenchSettings.Choices(gb, Math.max(1, Math.round(mp * 1e6)),
                ComputeSettings.Device.values()[Math.max(0, device.getSelectionIndex())], side, open, save));
        super.okPressed();
    }

    private static Path chosen(Text folder) {
        String text = folder.getText().trim();
        return text.isEmpty() ? null : Path.of(text).toAbsolutePath().normalize();
    }
}
