package org.loupe.ui.dialogs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.loupe.api.LoupeException;
import org.loupe.plugins.AvailablePlugin;
import org.loupe.plugins.PluginSources;
import org.loupe.ui.BackgroundRun;
import org.loupe.ui.PluginsRun;

/**
 * Help > Install Plugins...: an update site (one of the known sources, a URL, or a folder), the plugins it offers
 * with name, version, provider, signer and description, and Install. A plugin not signed by a key this Loupe trusts
 * installs only after the user confirms its signer. Progress and the outcome (ready to use, or restart needed) show
 * in the dialog.
 */
public final class InstallPluginsDialog extends Dialog {

    private final PluginsRun run;
    private final Runnable listener = this::showState;
    private Combo site;
    private Table table;
    private Label description;
    private Label status;
    private List<AvailablePlugin> shown = List.of();
    private URI shownSite;

    /** A dialog installing through {@code run}. */
    public InstallPluginsDialog(Shell shell, PluginsRun run) {
        super(shell);
        this.run = run;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Install Plugins");
        shell.setSize(900, 520);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite row = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        new Label(row, SWT.NONE).setText("Update site:");
        site = new Combo(row, SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(site);
        try {
            run.sources().forEach(u -> site.add(u.toString()));
        } catch (LoupeException e) {
            site.setText("");
        }
        Button folder = new Button(row, SWT.PUSH);
        folder.setText("Folder...");
        folder.addListener(SWT.Selection, e -> {
            String picked = new DirectoryDialog(getShell()).open();
            if (picked != null) {
                site.setText(picked);
                show();
            }
        });
        Button list = new Button(row, SWT.PUSH);
        list.setText("Show");
        list.addListener(SWT.Selection, e -> show());
        site.addListener(SWT.DefaultSelection, e -> show());
        table = new Table(area, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        String[][] columns = {{"Name", "260"}, {"Version", "150"}, {"Provider", "130"}, {"Signer", "270"}};
        for (String[] c : columns) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.Selection, e -> {
            int i = table.getSelectionIndex();
            description.setText(i < 0 ? "" : shown.get(i).id() + ": " + shown.get(i).description());
        });
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 200).applyTo(table);
        description = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 40).applyTo(description);
        status = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 40).applyTo(status);
        run.addListener(listener);
        area.addListener(SWT.Dispose, e -> run.removeListener(listener));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Install", true);
        createButton(parent, IDialogConstants.CANCEL_ID, "Close", false);
    }

    /** Lists what the site in the field offers. */
    public void show() {
        try {
            shownSite = PluginSources.parse(site.getText());
            shown = run.available(shownSite);
        } catch (LoupeException e) {
            shown = List.of();
            status.setText(e.getMessage());
        }
        table.removeAll();
        for (AvailablePlugin p : shown) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {p.name().isEmpty() ? p.id() : p.name(), p.version(), p.provider(), p.signer()
                    + (p.trusted() ? "" : " (not a trusted key)")});
        }
        if (!shown.isEmpty()) {
            status.setText(shown.size() + " plugin" + (shown.size() == 1 ? "" : "s") + " on " + shownSite
                    + "; tick those to install");
        }
    }

    /** Types a site into the field and lists it, as a user does. */
    public void show(String where) {
        site.setText(where);
        show();
    }

    /** Ticks every plugin listed. */
    public void checkAll() {
        for (TableItem item : table.getItems()) {
            item.setChecked(true);
        }
    }

    /** How many plugins are listed. */
    public int rows() {
        return table.getItemCount();
    }

    /**
     * Installs the ticked plugins; {@code confirmed} answers the question about signers this Loupe does not know
     * (null: ask the user).
     */
    public void install(Boolean confirmed) {
        List<AvailablePlugin> picked = new ArrayList<>();
        TableItem[] items = table.getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].getChecked()) {
                picked.add(shown.get(i));
            }
        }
        if (picked.isEmpty() || shownSite == null) {
            status.setText("Tick the plugins to install.");
            return;
        }
        List<String> unknown = picked.stream().filter(p -> !p.trusted()).map(p -> p.id() + ": " + p.signer())
                .toList();
        boolean trust = false;
        if (!unknown.isEmpty()) {
            trust = confirmed != null ? confirmed : MessageDialog.openQuestion(getShell(), "Install Plugins",
                    "Plugins are code that runs with your data. These are not signed by a key this Loupe trusts:\n\n"
                            + String.join("\n", unknown) + "\n\nInstall them anyway?");
            if (!trust) {
                status.setText("Not installed: the signer was not confirmed.");
                return;
            }
        }
        run.install(shownSite, picked.stream().map(AvailablePlugin::id).toList(), trust);
    }

    @Override
    protected void okPressed() {
        install(null);
    }

    private void showState() {
        if (status == null || status.isDisposed()) {
            return;
        }
        List<String> lines = run.lines();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        status.setText(run.state() == BackgroundRun.State.RUNNING ? run.message() + ": " + last
                : run.state() == BackgroundRun.State.DONE ? "Installed: " + run.message()
                : run.state() == BackgroundRun.State.FAILED ? "Not installed: " + run.message() : "");
        Button install = getButton(IDialogConstants.OK_ID);
        if (install != null) {
            install.setEnabled(run.state() != BackgroundRun.State.RUNNING);
        }
    }
}
