package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.jface.window.Window;
import org.loupe.api.ComputeBackend;
import org.loupe.api.LoupeException;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.ProviderRegistry;
import org.loupe.plugins.InstalledPlugin;
import org.loupe.registry.ProviderStatus;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.PluginsRun;
import org.loupe.ui.dialogs.DetectDialog;
import org.loupe.ui.dialogs.ProviderDetailsDialog;
import org.loupe.ui.dialogs.RunEnhancerDialog;

/**
 * Every installed provider with its metadata and health, kept current as plugins come, go or fail. Listing reads
 * service properties only, so opening this view activates nothing. A double-click shows a provider in full (what it
 * does, its model, every parameter); right-click runs an enhancer or detector on the open image. A provider whose
 * plugin was installed from an update site can be uninstalled from here.
 */
public final class PluginsPart {

    private final ProviderRegistry registry;
    private final UISynchronize sync;
    private final PluginsRun plugins;
    private final ImageDocument document;
    private final Runnable refresh = this::scheduleRefresh;
    private final Runnable outcomeShown = this::showOutcome;
    private TableViewer viewer;
    private Label devices;
    private Label outcome;

    /** Created by the workbench. */
    @Inject
    public PluginsPart(ProviderRegistry registry, UISynchronize sync, PluginsRun plugins, ImageDocument document) {
        this.registry = registry;
        this.document = document;
        this.sync = sync;
        this.plugins = plugins;
    }

    /** Builds the table. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        Composite holder = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(holder);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(layout, "Id", 18, s -> s.descriptor().id());
        column(layout, "Kind", 9, s -> s.descriptor().kind().label());
        column(layout, "Name", 16, s -> s.descriptor().name());
        column(layout, "Version", 7, s -> s.descriptor().version());
        column(layout, "Inputs", 26, s -> s.descriptor().inputTypes().isEmpty() ? "any"
                : s.descriptor().inputTypes().stream().map(ImageType::toString).collect(Collectors.joining(", ")));
        column(layout, "Accelerator", 9, s -> s.descriptor().accelerator().name());
        column(layout, "Health", 10, s -> s.health().name() + (s.failure().isEmpty() ? "" : ": " + s.failure()));
        column(layout, "Bundle", 15, s -> s.descriptor().bundle() + " " + s.descriptor().bundleVersion());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(registry.providers());
        viewer.addDoubleClickListener(e -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof ProviderStatus s) {
                new ProviderDetailsDialog(viewer.getTable().getShell(), registry, s).open();
            }
        });
        Menu menu = new Menu(viewer.getTable());
        MenuItem run = new MenuItem(menu, SWT.PUSH);
        run.setText("Run on the Open Image...");
        run.addListener(SWT.Selection, e -> runSelected());
        menu.addListener(SWT.Show, e -> run.setEnabled(document.image() != null && !document.isBusy()
                && viewer.getStructuredSelection().getFirstElement() instanceof ProviderStatus s
                && (s.descriptor().kind() == ProviderKind.ENHANCER || s.descriptor().kind() == ProviderKind.DETECTOR)));
        viewer.getTable().setMenu(menu);
        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(actions);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        Button uninstall = new Button(actions, SWT.PUSH);
        uninstall.setText("Uninstall Plugin...");
        uninstall.addListener(SWT.Selection, e -> uninstallSelected());
        outcome = new Label(actions, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(outcome);
        devices = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(devices);
        registry.addListener(refresh);
        plugins.addListener(outcomeShown);
        showDevices();
    }

    /** The table (for the self-test, which double-clicks and right-clicks its rows). */
    public org.eclipse.swt.widgets.Table table() {
        return viewer.getTable();
    }

    /** The number of providers listed. */
    public int rows() {
        return viewer.getTable().getItemCount();
    }

    /** The ids of the providers listed, in order. */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) viewer.getInput()) {
            out.add(((ProviderStatus) o).descriptor().id());
        }
        return out;
    }

    /** Selects and shows the provider {@code id} of {@code kind} (any kind if null), if listed. */
    public void reveal(String id, ProviderKind kind) {
        for (Object o : (List<?>) viewer.getInput()) {
            ProviderDescriptor d = ((ProviderStatus) o).descriptor();
            if (d.id().equals(id) && (kind == null || d.kind() == kind)) {
                viewer.setSelection(new StructuredSelection(o), true);
                return;
            }
        }
    }

    /**
     * Runs the selected enhancer or detector on the open image through the same dialog as the Image and Inspect
     * menus, with the provider chosen.
     */
    private void runSelected() {
        if (!(viewer.getStructuredSelection().getFirstElement() instanceof ProviderStatus s)
                || document.image() == null) {
            return;
        }
        Shell shell = viewer.getTable().getShell();
        if (s.descriptor().kind() == ProviderKind.ENHANCER) {
            RunEnhancerDialog d = new RunEnhancerDialog(shell, registry, document.image().type());
            d.preselect(s.descriptor().id());
            if (d.open() == Window.OK) {
                document.run(d.provider(), d.parameters());
            }
        } else if (s.descriptor().kind() == ProviderKind.DETECTOR) {
            DetectDialog d = new DetectDialog(shell, registry, document.image().type());
            d.preselect(s.descriptor().id());
            if (d.open() == Window.OK) {
                document.detect(d.provider(), d.parameters());
            }
        }
    }

    /** Uninstalls the plugin of the selected provider, when it came from an update site, after asking. */
    private void uninstallSelected() {
        Object selected = viewer.getStructuredSelection().getFirstElement();
        if (!(selected instanceof ProviderStatus s)) {
            outcome.setText("Select a provider first.");
            return;
        }
        uninstall(s.descriptor().id(), null);
    }

    /**
     * Uninstalls the plugin that brought provider {@code id}; {@code confirmed} answers the question (null: ask the
     * user). Returns whether an uninstall was started.
     */
    public boolean uninstall(String id, Boolean confirmed) {
        ProviderStatus s = registry.providers().stream().filter(p -> p.descriptor().id().equals(id)).findFirst()
                .orElse(null);
        if (s == null) {
            outcome.setText("No provider " + id + ".");
            return false;
        }
        String bundle = s.descriptor().bundle();
        try {
            InstalledPlugin plugin = plugins.providing(bundle).orElse(null);
            if (plugin == null) {
                outcome.setText(id + " is part of Loupe itself, not a plugin installed from a site.");
                return false;
            }
            boolean yes = confirmed != null ? confirmed : MessageDialog.openQuestion(viewer.getTable().getShell(),
                    "Uninstall Plugin", "Uninstall " + plugin.name() + " " + plugin.version() + " (" + plugin.id()
                            + "), installed from " + plugin.origin() + "?");
            if (yes) {
                plugins.uninstall(plugin.id());
                outcome.setText("Uninstalling " + plugin.id() + "...");
            }
            return yes;
        } catch (LoupeException e) {
            outcome.setText(e.getMessage());
            return false;
        }
    }

    /** Asks the compute backends for their devices off the UI thread: the first call loads native libraries. */
    private void showDevices() {
        List<ComputeBackend> backends = registry.backends();
        Thread t = new Thread(() -> {
            String text = backends.isEmpty() ? "Compute: plain Java (no TensorFlow installed)"
                    : "Compute: " + backends.stream().map(ComputeBackend::summary).collect(Collectors.joining("; "));
            sync.asyncExec(() -> {
                if (!devices.isDisposed()) {
                    devices.setText(text);
                    devices.getParent().layout();
                }
            });
        }, "loupe-devices");
        t.setDaemon(true);
        t.start();
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<ProviderStatus, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ProviderStatus) element);
            }
        });
        layout.setColumnData(c.getColumn(), new ColumnWeightData(weight, 60));
    }

    private void scheduleRefresh() {
        sync.asyncExec(() -> {
            if (viewer != null && !viewer.getTable().isDisposed()) {
                viewer.setInput(registry.providers());
                showDevices();
            }
        });
    }

    private void showOutcome() {
        if (outcome != null && !outcome.isDisposed() && plugins.state() != PluginsRun.State.IDLE) {
            outcome.setText(plugins.message());
            outcome.getParent().layout();
        }
    }

    /** Stops listening to the registry. */
    @PreDestroy
    public void dispose() {
        registry.removeListener(refresh);
        plugins.removeListener(outcomeShown);
    }
}
