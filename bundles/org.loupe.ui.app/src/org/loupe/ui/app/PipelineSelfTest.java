package org.loupe.ui.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.loupe.pipeline.ItemResult;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.ImageFolder;
import org.loupe.ui.PipelineRun;
import org.loupe.ui.RunOverlays;
import org.loupe.ui.parts.FolderPart;
import org.loupe.ui.parts.ResultsPart;

/**
 * The self-test's pipeline phase: runs a pipeline file through the workbench's own pipeline run (what File > Run
 * Pipeline starts), checks the Results view lists every input, opens the first with its marks as a double-click
 * does, and captures the window ({@code pipeline.png}); then opens that input's folder as File > Open Folder does and
 * checks the Folder view lists its images.
 */
final class PipelineSelfTest {

    private final Path pipeline;
    private final Path out;
    private final Path screenshot;

    private PipelineSelfTest(Path pipeline, Path out, Path screenshot) {
        this.pipeline = pipeline;
        this.out = out;
        this.screenshot = screenshot;
    }

    static Optional<PipelineSelfTest> fromSystemProperties() {
        String file = System.getProperty("loupe.selftest.pipeline.file");
        String out = System.getProperty("loupe.selftest.pipeline.out");
        String shot = System.getProperty("loupe.selftest.pipeline.screenshot");
        if (file == null || out == null || shot == null) {
            return Optional.empty();
        }
        return Optional.of(new PipelineSelfTest(Path.of(file), Path.of(out), Path.of(shot)));
    }

    void run(IEclipseContext context, ImageDocument document, InspectionSelfTest.Settle settle,
            Consumer<Path> capture) throws Exception {
        PipelineRun run = ContextInjectionFactory.make(PipelineRun.class, context);
        MApplication app = context.get(MApplication.class);
        Display display = Display.getDefault();
        ResultsPart[] view = new ResultsPart[1];
        display.syncExec(() -> {
            MPart part = app.getChildren().get(0).getContext().get(EPartService.class).showPart(PipelineRun.PART_ID,
                    EPartService.PartState.ACTIVATE);
            view[0] = (ResultsPart) part.getObject();
        });
        SelfTest.join(run.start(pipeline, null, out));
        if (run.state() != PipelineRun.State.DONE) {
            throw new IllegalStateException("the pipeline run ended " + run.state() + ": " + run.message());
        }
        int items = run.results().size();
        int[] rows = new int[1];
        SelfTest.await(() -> {
            display.syncExec(() -> rows[0] = view[0].rows());
            return rows[0] == items;
        }, "the Results view shows " + rows[0] + " rows for " + items + " inputs");
        ItemResult first = run.results().get(0);
        SelfTest.join(RunOverlays.open(document, run, first));
        SelfTest.await(() -> Path.of(first.input()).equals(document.path()) && !document.marks().isEmpty(),
                "the first input did not open with its marks");
        settle.await();
        capture.accept(screenshot);
        long ok = run.results().stream().filter(ItemResult::ok).count();
        int detections = run.results().stream().mapToInt(r -> RunOverlays.found(run.pipeline(), r).size()).sum();
        int marks = document.marks().size();
        // File > Open Folder on the first input's folder: the Folder view lists its images
        ImageFolder folder = ContextInjectionFactory.make(ImageFolder.class, context);
        FolderPart[] listing = new FolderPart[1];
        display.syncExec(() -> {
            try {
                folder.open(Path.of(first.input()).getParent());
            } catch (org.loupe.api.LoupeException e) {
                throw new IllegalStateException(e);
            }
            MPart part = app.getChildren().get(0).getContext().get(EPartService.class).showPart(ImageFolder.PART_ID,
                    EPartService.PartState.ACTIVATE);
            listing[0] = (FolderPart) part.getObject();
        });
        int[] listed = new int[1];
        SelfTest.await(() -> {
            display.syncExec(() -> listed[0] = listing[0].rows());
            return listed[0] == folder.files().size() && listed[0] > 0;
        }, "the Folder view lists " + listed[0] + " of " + folder.files().size() + " images");
        System.out.println("LOUPE-SELFTEST PIPELINE OK rows=" + rows[0] + " ok=" + ok + " detections=" + detections
                + " marks=" + marks + " folder=" + listed[0]);
    }
}
