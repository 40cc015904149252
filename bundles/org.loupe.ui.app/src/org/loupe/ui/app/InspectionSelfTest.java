package org.loupe.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.Mark;

/**
 * The self-test's inspection phase: opens a board and its template through the document the menus use, runs
 * {@code detect.template} and then {@code classify.siamese} on 64-pixel patches, and captures the window with each
 * set of marks ({@code board.png} before any, {@code detections.png}, {@code patches.png} in the screenshots folder);
 * then saves the session as a pipeline file ({@code session-pipeline.json}) for the product test to run.
 */
final class InspectionSelfTest {

    /** Waits for the window to show the latest state. */
    @FunctionalInterface
    interface Settle {
        void await() throws InterruptedException;
    }

    private final Path board;
    private final Path template;
    private final Path screenshots;

    private InspectionSelfTest(Path board, Path template, Path screenshots) {
        this.board = board;
        this.template = template;
        this.screenshots = screenshots;
    }

    static Optional<InspectionSelfTest> fromSystemProperties() {
        String board = System.getProperty("loupe.selftest.inspect.board");
        String template = System.getProperty("loupe.selftest.inspect.template");
        String shots = System.getProperty("loupe.selftest.inspect.screenshots");
        if (board == null || template == null || shots == null) {
            return Optional.empty();
        }
        return Optional.of(new InspectionSelfTest(Path.of(board), Path.of(template), Path.of(shots)));
    }

    void run(IEclipseContext context, ImageDocument document, Settle settle, Consumer<Path> capture)
            throws Exception {
        SelfTest.join(document.open(board));
        SelfTest.await(() -> document.image() != null && board.equals(document.path()), "the board did not open");
        SelfTest.join(document.openReference(template));
        SelfTest.await(() -> document.reference() != null, "the template did not open");
        settle.await();
        capture.accept(screenshots.resolve("board.png"));
        ProviderRegistry registry = context.get(ProviderRegistry.class);
        ProviderHandle<DefectDetector> detector = registry.provider("detect.template", DefectDetector.class);
        SelfTest.join(document.detect(detector, Parameters.defaults(detector.call(LoupeService::parameters))));
        SelfTest.await(() -> !document.marks().isEmpty(), "detect.template marked nothing");
        int detections = document.marks().size();
        settle.await();
        capture.accept(screenshots.resolve("detections.png"));
        ProviderHandle<DefectClassifier> classifier = registry.provider("classify.siamese", DefectClassifier.class);
        SelfTest.join(document.classifyPatches(classifier, Parameters.defaults(classifier.call(
                LoupeService::parameters)), 64));
        SelfTest.await(() -> document.marks().stream().anyMatch(m -> m.kind() == Mark.Kind.PATCH),
                "classify.siamese marked no patch");
        // the patch decisions join the detections, which stay on the board
        List<Mark> patches = document.marks().stream().filter(m -> m.kind() == Mark.Kind.PATCH).toList();
        long flagged = patches.stream().filter(m -> !m.passing()).count();
        if (document.marks().size() != patches.size() + detections) {
            throw new IllegalStateException("the patch decisions replaced the detections: " + document.marks().size()
                    + " marks");
        }
        settle.await();
        capture.accept(screenshots.resolve("patches.png"));
        // the session, saved as File > Save Session as Pipeline does: the product test runs it with loupe run
        Path saved = screenshots.resolve("session-pipeline.json");
        document.session().save(saved, registry, document.path(), document.referencePath());
        System.out.println("LOUPE-SELFTEST INSPECT OK detections=" + detections + " patches="
                + patches.size() + " flagged=" + flagged + " pipeline=" + saved);
        String wafer = System.getProperty("loupe.selftest.inspect.wafer");
        if (wafer != null) {
            singleImage(Path.of(wafer), document, registry, settle, capture);
        }
    }

    /** A single-image detector needs no reference: the wafer's defects are marked with the board's dropped. */
    private void singleImage(Path wafer, ImageDocument document, ProviderRegistry registry, Settle settle,
            Consumer<Path> capture) throws Exception {
        SelfTest.join(document.open(wafer));
        SelfTest.await(() -> wafer.equals(document.path()), "the wafer did not open");
        SelfTest.await(() -> document.reference() == null, "the board's template was kept for the wafer");
        ProviderHandle<DefectDetector> classic = registry.provider("detect.classic", DefectDetector.class);
        SelfTest.join(document.detect(classic, Parameters.defaults(classic.call(LoupeService::parameters))));
        SelfTest.await(() -> !document.marks().isEmpty(), "detect.classic marked nothing on the wafer");
        settle.await();
        capture.accept(screenshots.resolve("wafer.png"));
        System.out.println("LOUPE-SELFTEST WAFER OK detections=" + document.marks().size());
    }
}
