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
import org.loupe.ui.PipelineRun;
import org.loupe.ui.RunOverlays;
import org.loupe.ui.parts.ResultsPart;

/**
 * The self-test's pipeline phase: runs a pipeline file through the workbench's own pipeline run (what File > Run
 * Pipeline starts), checks the Results view lists every input, opens the first with its marks as a double-click
 * does, and captures the window ({@code pipeline.png}).
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
        System.out.println("LOUPE-SELFTEST PIPELINE OK rows=" + rows[0] + " ok=" + ok + " detections=" + detections
                + " marks=" + document.marks().size());
    }
}
