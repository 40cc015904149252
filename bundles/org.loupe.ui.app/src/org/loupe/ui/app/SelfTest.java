package org.loupe.ui.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeService;
import org.loupe.api.ModelTrainer;
import org.loupe.api.Parameters;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.TrainingRun;

/**
 * Drives the real workbench through one session, for automated tests under Xvfb: opens an image, runs an enhancer
 * through the same document the menus use, waits for the compare view, saves a screenshot of the window and the
 * result, then closes the workbench. Configured with system properties {@code loupe.selftest.image},
 * {@code loupe.selftest.enhancer}, {@code loupe.selftest.screenshot} and optionally {@code loupe.selftest.result};
 * with {@code loupe.selftest.train.dataset}, {@code .out}, {@code .params} ("key=value,key=value") and
 * {@code .screenshot} it then also trains {@code enhance.model} through the Training view and captures it; with
 * {@code loupe.selftest.inspect.board}, {@code .template} and {@code .screenshots} (a folder) it inspects a board
 * against its template (see {@link InspectionSelfTest}); with {@code loupe.selftest.pipeline.file}, {@code .out} and
 * {@code .screenshot} it runs a pipeline file through the Results view (see {@link PipelineSelfTest}); with
 * {@code loupe.selftest.volume.pipeline}, {@code .input}, {@code .out} and {@code .screenshots} it runs a volume
 * pipeline and views a case in the Volume view (see {@link VolumeSelfTest}); with {@code loupe.selftest.plugins.site},
 * {@code .provider} and {@code .screenshots} it installs plugins through Help > Install Plugins... (see {@link
 * PluginsSelfTest}); with {@code loupe.selftest.hang=true} it runs an enhancer that hangs until cancelled and cancels
 * it (see {@link HangSelfTest}); with {@code loupe.selftest.daily} (a scratch folder) and {@code .daily.samples}
 * it runs the daily-use checks of the dialogs and the image view, asking to quit last (see {@link DialogsSelfTest},
 * {@link DailyUseSelfTest}). It prints lines starting with
 * {@code LOUPE-SELFTEST} saying
 * whether each phase passed.
 */
final class SelfTest {

    private static final long STEP_TIMEOUT_MS = 60_000;

    private final Path image;
    private final String enhancer;
    private final Path screenshot;
    private final Path result;
    private final Map<String, String> training;
    private final Optional<InspectionSelfTest> inspection;
    private final Optional<PipelineSelfTest> pipeline;
    private final Optional<VolumeSelfTest> volume;
    private final Optional<PluginsSelfTest> plugins;
    private final Optional<HangSelfTest> hang;

    private SelfTest(Path image, String enhancer, Path screenshot, Path result, Map<String, String> training,
            Optional<InspectionSelfTest> inspection, Optional<PipelineSelfTest> pipeline,
            Optional<VolumeSelfTest> volume, Optional<PluginsSelfTest> plugins, Optional<HangSelfTest> hang) {
        this.image = image;
        this.enhancer = enhancer;
        this.screenshot = screenshot;
        this.result = result;
        this.training = training;
        this.inspection = inspection;
        this.pipeline = pipeline;
        this.volume = volume;
        this.plugins = plugins;
        this.hang = hang;
    }

    static Optional<SelfTest> fromSystemProperties() {
        String image = System.getProperty("loupe.selftest.image");
        String shot = System.getProperty("loupe.selftest.screenshot");
        if (image == null || shot == null) {
            return Optional.empty();
        }
        String result = System.getProperty("loupe.selftest.result");
        Map<String, String> training = new HashMap<>();
        for (String key : new String[] {"dataset", "out", "params", "screenshot"}) {
            String v = System.getProperty("loupe.selftest.train." + key);
            if (v != null) {
                training.put(key, v);
            }
        }
        return Optional.of(new SelfTest(Path.of(image), System.getProperty("loupe.selftest.enhancer",
                "enhance.median"), Path.of(shot), result == null ? null : Path.of(result), training,
                InspectionSelfTest.fromSystemProperties(), PipelineSelfTest.fromSystemProperties(),
                VolumeSelfTest.fromSystemProperties(), PluginsSelfTest.fromSystemProperties(),
                HangSelfTest.fromSystemProperties()));
    }

    void start(IEclipseContext context) {
        Thread t = new Thread(() -> run(context), "loupe-selftest");
        t.setDaemon(true);
        t.start();
    }

    private void run(IEclipseContext context) {
        Display display = Display.getDefault();
        IWorkbench workbench = context.get(IWorkbench.class);
        try {
            ImageDocument document = ContextInjectionFactory.make(ImageDocument.class, context);
            join(document.open(image));
            await(() -> document.image() != null, "the image did not open");
            ProviderHandle<ImageEnhancer> handle = context.get(ProviderRegistry.class).provider(enhancer,
                    ImageEnhancer.class);
            join(document.run(handle, Parameters.defaults(handle.call(LoupeService::parameters))));
            await(() -> document.result() != null, enhancer + " produced no result");
            MApplication app = context.get(MApplication.class);
            Supplier<Shell> window = () -> (Shell) app.getChildren().get(0).getWidget();
            awaitWindow(display, window);
            display.syncExec(() -> captureWindow(window.get(), screenshot));
            if (result != null) {
                document.saveResult(result);
            }
            System.out.println("LOUPE-SELFTEST OK image=" + document.image().type() + " " + document.image().width()
                    + "x" + document.image().height() + " result=" + document.result().type() + " "
                    + document.result().width() + "x" + document.result().height() + " by " + enhancer);
            if (hang.isPresent()) {
                hang.get().run(context, document, window);
            }
            if (inspection.isPresent()) {
                inspection.get().run(context, document, () -> awaitWindow(display, window),
                        file -> display.syncExec(() -> captureWindow(window.get(), file)));
            }
            if (pipeline.isPresent()) {
                pipeline.get().run(context, document, () -> awaitWindow(display, window),
                        file -> display.syncExec(() -> captureWindow(window.get(), file)));
            }
            if (volume.isPresent()) {
                volume.get().run(context, () -> awaitWindow(display, window),
                        file -> display.syncExec(() -> captureWindow(window.get(), file)));
            }
            if (plugins.isPresent()) {
                plugins.get().run(context, () -> awaitWindow(display, window),
                        file -> display.syncExec(() -> captureWindow(window.get(), file)));
            }
            if (training.containsKey("dataset") && training.containsKey("out")) {
                train(context, display, window);
            }
            String daily = System.getProperty("loupe.selftest.daily");
            if (daily != null) {
                daily(document, window.get(), Path.of(daily));
            }
        } catch (Exception | LinkageError e) {
            System.out.println("LOUPE-SELFTEST FAILED " + e);
            e.printStackTrace(System.out);
        } finally {
            System.out.flush();
            display.asyncExec(workbench::close);
        }
    }

    /** The daily-use checks of issue 25, dialogs first; the last one asks to quit and cancels. */
    private static void daily(ImageDocument document, Shell window, Path scratch) {
        IEclipseContext windowContext = Widgets.onUi(() -> ((MWindow) window.getData("modelElement")).getContext());
        Path samples = Path.of(System.getProperty("loupe.selftest.daily.samples"));
        Path boards = samples.resolve("deeppcb");
        Map<String, Widgets.Phase> phases = new LinkedHashMap<>();
        phases.put("dialogs", () -> DialogsSelfTest.run(windowContext, document, window));
        phases.put("findings", () -> FindingsSelfTest.run(windowContext, document, window,
                boards.resolve("group20085/20085/20085009_test.jpg"), scratch));
        phases.put("tools", () -> ToolsSelfTest.run(windowContext, document, window,
                boards.resolve("group13000/13000/13000008_test.jpg")));
        phases.put("settings", () -> SettingsSelfTest.run(windowContext, document, window,
                boards.resolve("group92000/92000/92000110_test.jpg"), boards.resolve(
                        "group13000/13000/13000008_test.jpg")));
        phases.put("chain", () -> ChainSelfTest.run(windowContext, document, samples.resolve("xray-board.tif"),
                scratch));
        // last: its final item asks to quit and cancels
        phases.put("view", () -> new DailyUseSelfTest(windowContext, document, window, samples, scratch).run());
        Widgets.runEach(phases, window);
    }

    /** Trains through the workbench's own training run and shows the Training view when it is done. */
    private void train(IEclipseContext context, Display display, Supplier<Shell> window) throws Exception {
        ProviderHandle<ModelTrainer> trainer = context.get(ProviderRegistry.class).provider("enhance.model",
                ModelTrainer.class);
        Map<String, String> given = new HashMap<>();
        for (String kv : training.getOrDefault("params", "").split(",")) {
            if (kv.contains("=")) {
                given.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        Parameters p = Parameters.bind(trainer.call(LoupeService::parameters), given);
        TrainingRun run = ContextInjectionFactory.make(TrainingRun.class, context);
        MApplication app = context.get(MApplication.class);
        display.syncExec(() -> app.getChildren().get(0).getContext().get(EPartService.class)
                .showPart(TrainingRun.PART_ID, EPartService.PartState.ACTIVATE));
        join(run.start(trainer, p, Path.of(training.get("dataset")), Path.of(training.get("out")), false));
        if (run.state() != TrainingRun.State.DONE) {
            throw new IllegalStateException("training ended " + run.state() + ": " + run.message());
        }
        awaitWindow(display, window);
        display.syncExec(() -> captureWindow(window.get(), Path.of(training.get("screenshot"))));
        System.out.println("LOUPE-SELFTEST TRAIN OK events=" + run.events().size() + " steps="
                + run.result().steps() + " scores=" + run.result().scores());
    }

    /** Waits until the window is shown at its full size and has painted the compare view. */
    static void awaitWindow(Display display, Supplier<Shell> window) throws InterruptedException {
        await(() -> {
            boolean[] ready = {false};
            display.syncExec(() -> {
                Shell shell = window.get();
                ready[0] = shell != null && shell.isVisible();
            });
            return ready[0];
        }, "the workbench window did not appear");
        display.syncExec(() -> {
            window.get().layout(true, true);
            window.get().update();
        });
        Thread.sleep(2000); // GTK maps and paints asynchronously; give the X server time to show the result
    }

    /** Copies the window from the screen, exactly as the user sees it. */
    static void captureWindow(Shell shell, Path file) {
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Image shot = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(shot, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {shot.getImageData()};
            file.toAbsolutePath().getParent().toFile().mkdirs();
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            shot.dispose();
        }
    }

    static void join(Job job) throws InterruptedException {
        if (!job.join(STEP_TIMEOUT_MS, null)) {
            throw new IllegalStateException(job.getName() + " did not finish within " + STEP_TIMEOUT_MS + " ms");
        }
    }

    static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(50);
        }
    }
}
