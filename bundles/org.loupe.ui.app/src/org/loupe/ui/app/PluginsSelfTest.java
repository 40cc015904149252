package org.loupe.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.BackgroundRun;
import org.loupe.ui.PluginsRun;
import org.loupe.ui.dialogs.InstallPluginsDialog;
import org.loupe.ui.parts.PluginsPart;

/**
 * The self-test's plugin phase: opens Help > Install Plugins... on an update site, lists it, ticks everything,
 * confirms the unknown signer as the user would, installs, and waits until the new provider appears in the Plugins
 * view of this same workbench, without a restart; captures the dialog's window and the Plugins view; then uninstalls
 * it from the Plugins view and waits until it is gone.
 */
final class PluginsSelfTest {

    private static final String PART_ID = "org.loupe.ui.part.plugins";

    private final String site;
    private final String provider;
    private final Path screenshots;

    private PluginsSelfTest(String site, String provider, Path screenshots) {
        this.site = site;
        this.provider = provider;
        this.screenshots = screenshots;
    }

    static Optional<PluginsSelfTest> fromSystemProperties() {
        String site = System.getProperty("loupe.selftest.plugins.site");
        String provider = System.getProperty("loupe.selftest.plugins.provider");
        String shots = System.getProperty("loupe.selftest.plugins.screenshots");
        if (site == null || provider == null || shots == null) {
            return Optional.empty();
        }
        return Optional.of(new PluginsSelfTest(site, provider, Path.of(shots)));
    }

    void run(IEclipseContext context, InspectionSelfTest.Settle settle, Consumer<Path> capture) throws Exception {
        PluginsRun run = ContextInjectionFactory.make(PluginsRun.class, context);
        MApplication app = context.get(MApplication.class);
        Display display = Display.getDefault();
        PluginsPart[] view = new PluginsPart[1];
        InstallPluginsDialog[] dialog = new InstallPluginsDialog[1];
        int[] listed = new int[1];
        display.syncExec(() -> {
            MPart part = app.getChildren().get(0).getContext().get(EPartService.class).showPart(PART_ID,
                    EPartService.PartState.ACTIVATE);
            view[0] = (PluginsPart) part.getObject();
            Shell shell = (Shell) app.getChildren().get(0).getWidget();
            dialog[0] = new InstallPluginsDialog(shell, run);
            dialog[0].setBlockOnOpen(false);
            dialog[0].open();
            dialog[0].show(site);
            listed[0] = dialog[0].rows();
        });
        if (listed[0] == 0) {
            throw new IllegalStateException("Install Plugins listed nothing on " + site);
        }
        boolean before = hasProvider(display, view[0]);
        display.syncExec(() -> {
            dialog[0].checkAll();
            dialog[0].install(true);
        });
        SelfTest.await(() -> run.state() == BackgroundRun.State.DONE || run.state() == BackgroundRun.State.FAILED,
                "the install did not finish");
        if (run.state() != BackgroundRun.State.DONE) {
            throw new IllegalStateException("the install failed: " + run.message());
        }
        Thread.sleep(1000);
        display.syncExec(() -> SelfTest.captureWindow(dialog[0].getShell(), screenshots.resolve("install.png")));
        display.syncExec(() -> dialog[0].close());
        SelfTest.await(() -> hasProvider(display, view[0]), provider + " did not appear in the Plugins view");
        display.syncExec(() -> view[0].reveal(provider, null));
        settle.await();
        capture.accept(screenshots.resolve("plugins.png"));
        List<String> applied = run.lines().stream().filter(l -> l.startsWith("started") || l.startsWith("restart"))
                .toList();
        String installed = run.message();
        boolean restart = run.restartNeeded();
        // and out again through the Plugins view's Uninstall Plugin..., confirmed as the user would
        boolean[] started = new boolean[1];
        display.syncExec(() -> started[0] = view[0].uninstall(provider, true));
        if (!started[0]) {
            throw new IllegalStateException("Uninstall Plugin... did not start for " + provider);
        }
        SelfTest.await(() -> run.state() == BackgroundRun.State.DONE || run.state() == BackgroundRun.State.FAILED,
                "the uninstall did not finish");
        SelfTest.await(() -> !hasProvider(display, view[0]), provider + " stayed in the Plugins view");
        System.out.println("LOUPE-SELFTEST PLUGINS OK listed=" + listed[0] + " before=" + before + " after=true"
                + " restart=" + restart + " uninstalled=" + run.state() + " outcome=" + installed + " applied="
                + applied + " removed=" + run.lines().stream().filter(l -> l.startsWith("removed")).toList());
    }

    private boolean hasProvider(Display display, PluginsPart view) {
        boolean[] found = new boolean[1];
        display.syncExec(() -> found[0] = view.ids().contains(provider));
        return found[0];
    }
}
