package org.loupe.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ModelTrainer;
import org.loupe.api.Parameters;
import org.loupe.image.PixelImage;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.samples.Samples;
import org.loupe.ui.DocumentListener;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.Mark;
import org.loupe.ui.SaveSuggestion;
import org.loupe.ui.TrainingRun;
import org.loupe.ui.widgets.ImageCanvas;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The daily-use phase of the scripted UI test for the image view (issue 25): a reference that belongs to another
 * board is dropped and the board's own template taken; marks go when their reference changes and detections
 * survive a patch classification; Cancel wins at a full progress bar; the pointer read-out follows the image, names
 * the reference and speaks in the shown image's coordinates; labels of dense detections do not hide each other; a
 * small window keeps the toolbar, a resized one is re-fitted, long messages stay readable; messages and window
 * fields read as a person writes them. Each item prints one line.
 */
final class DailyUseSelfTest {

    private static final Pattern XY = Pattern.compile("^x (\\d+) {2}y (\\d+)");

    private final IEclipseContext context;
    private final ImageDocument document;
    private final Shell window;
    private final Path boards;
    private final Path scratch;
    private final List<String> messages = new ArrayList<>();

    DailyUseSelfTest(IEclipseContext context, ImageDocument document, Shell window, Path samples, Path scratch) {
        this.context = context;
        this.document = document;
        this.window = window;
        this.boards = samples.resolve("deeppcb");
        this.scratch = scratch;
    }

    void run() throws Exception {
        document.addListener(new DocumentListener() {
            @Override
            public void finished(boolean ok, String message) {
                synchronized (messages) {
                    messages.add(message);
                }
            }
        });
        Map<String, Widgets.Phase> items = new LinkedHashMap<>();
        items.put("2", this::staleTemplate);
        items.put("3", this::cancelAtTheEnd);
        items.put("3-memory", this::memoryBudget);
        items.put("4", this::saveSuggestion);
        items.put("5", this::readout);
        items.put("6", this::layout);
        items.put("7", this::wording);
        items.put("8-training", this::trainingStopped);
        items.put("8-quit", this::quitAsks);
        Widgets.runEach(items, window);
    }

    /** Item 8: after Stop, the Training view says where training stopped, without a time left. */
    private void trainingStopped() throws Exception {
        ProviderHandle<ModelTrainer> trainer = registry().provider("enhance.model", ModelTrainer.class);
        Parameters p = Parameters.bind(trainer.call(LoupeService::parameters), Map.of("steps", "100000", "batch",
                "2", "patch", "32", "depth", "3", "width", "4", "validate", "50", "noise", "0.05"));
        TrainingRun run = ContextInjectionFactory.make(TrainingRun.class, context);
        Widgets.onUi(() -> context.get(MApplication.class).getChildren().get(0).getContext().get(EPartService.class)
                .showPart(TrainingRun.PART_ID, EPartService.PartState.ACTIVATE));
        var job = run.start(trainer, p, Path.of(System.getProperty("loupe.selftest.train.dataset")),
                scratch.resolve("stopped-model"), false);
        SelfTest.await(() -> run.events().size() >= 2, "training reported no progress");
        run.cancel();
        SelfTest.join(job);
        Thread.sleep(500);
        List<String> said = Widgets.find(window, Label.class, l -> l.getText().toLowerCase(java.util.Locale.ROOT)
                .contains("cancel") || l.getText().toLowerCase(java.util.Locale.ROOT).contains("stopped"))
                .stream().map(l -> Widgets.onUi(l::getText)).toList();
        List<String> problems = new ArrayList<>();
        if (said.isEmpty()) {
            problems.add("the Training view says nothing about the stop");
        }
        said.stream().filter(t -> t.contains(" left") || t.contains("cancelled: cancelled")).forEach(t ->
                problems.add("after Stop the Training view says '" + t + "'"));
        Widgets.report("8-training", problems, "said=" + said);
    }

    /** Item 8: Quit with a result not saved asks first; Cancel keeps the workbench open. Runs last. */
    private void quitAsks() throws Exception {
        median();
        Widgets.execute(context, "org.loupe.ui.command.quit");
        Shell asked = Widgets.awaitDialog(java.util.Set.of(window), "the question before quitting");
        String question = Widgets.find(asked, Label.class, l -> l.getText().length() > 20).stream().findFirst()
                .map(l -> Widgets.onUi(l::getText)).orElse("");
        Widgets.press(Widgets.button(asked, "Cancel").orElseThrow());
        SelfTest.await(() -> Widgets.onUi(asked::isDisposed), "the question did not close on Cancel");
        Thread.sleep(500);
        boolean open = Widgets.onUi(() -> !window.isDisposed() && window.isVisible());
        Widgets.report("8-quit", open ? List.of() : List.of("Cancel did not keep the workbench open"),
                "asked=" + question.replace('\n', ' '));
    }

    private Path board(String id) {
        return boards.resolve("group" + id.substring(0, 5) + "/" + id.substring(0, 5) + "/" + id + "_test.jpg");
    }

    private Path template(String id) {
        return board(id).resolveSibling(id + "_temp.jpg");
    }

    private ProviderRegistry registry() {
        return context.get(ProviderRegistry.class);
    }

    /** Item 2, and item 8's last point: the reference belongs to its board, marks to their input and reference. */
    private void staleTemplate() throws Exception {
        List<String> problems = new ArrayList<>();
        SelfTest.join(document.open(Samples.boards().get(0)));
        SelfTest.await(() -> document.reference() != null, "board 20085009 opened without its template");
        open(board("92000110"));
        if (!template("92000110").equals(document.referencePath())) {
            problems.add("board 92000110 opened with reference " + document.referencePath()
                    + (document.reference() != null && document.referencePath() == null ? " (20085009's)" : ""));
        }
        Path alone = Files.createDirectories(scratch.resolve("alone")).resolve("13000008_test.jpg");
        Files.copy(board("13000008"), alone, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        open(alone);
        if (document.reference() != null) {
            problems.add("a board without a template beside it kept a reference (" + document.referencePath() + ")");
        }
        if (Widgets.button(window, "Reference").map(b -> Widgets.onUi(b::getEnabled)).orElse(true)) {
            problems.add("Reference stays enabled with no reference");
        }
        open(board("20085009"));
        if (document.reference() == null) {
            problems.add("board 20085009 opened as a file without its template beside it");
            SelfTest.join(document.openReference(template("20085009")));
        }
        detect("detect.template");
        int detections = document.marks().size();
        classify();
        long kinds = document.marks().stream().map(Mark::kind).distinct().count();
        if (kinds != 2) {
            problems.add("after Classify Patches the marks are " + document.marks().size() + " of " + kinds
                    + " kind (the " + detections + " detections erased)");
        }
        SelfTest.join(document.openReference(template("92000110")));
        Thread.sleep(300);
        if (!document.marks().isEmpty()) {
            problems.add(document.marks().size() + " marks stayed after the reference changed");
        }
        Widgets.report("2", problems, "detections=" + detections);
    }

    /** Item 3: Cancel clicked at a full progress bar wins over a provider that finishes anyway. */
    private void cancelAtTheEnd() throws Exception {
        List<String> problems = new ArrayList<>();
        CountDownLatch atEnd = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServiceRegistration<ImageEnhancer> reg = register("selftest.finishes-anyway", (input, ctx) -> {
            ctx.progress(1.0, "done");
            atEnd.countDown();
            hold(release);
            return input.copy();
        });
        try {
            PixelImage before = document.result();
            ProviderHandle<ImageEnhancer> h = registry().provider("selftest.finishes-anyway", ImageEnhancer.class);
            var job = document.run(h, Parameters.defaults(List.of()));
            if (!atEnd.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the enhancer did not start");
            }
            Thread.sleep(300); // the progress bar shows full
            Button cancel = Widgets.button(window, "Cancel").orElseThrow();
            if (Widgets.unseen(cancel).isPresent()) {
                problems.add("Cancel not shown at a full progress bar: " + Widgets.unseen(cancel).get());
            }
            Widgets.onUi(() -> {
                cancel.notifyListeners(SWT.Selection, new Event());
                return null;
            });
            release.countDown();
            SelfTest.join(job);
            Thread.sleep(500);
            if (document.result() != before) {
                problems.add("the result was replaced after Cancel");
            }
            String last = lastMessage();
            if (!last.contains("cancelled")) {
                problems.add("the job reported '" + last + "'");
            }
        } finally {
            release.countDown();
            reg.unregister();
        }
        Widgets.report("3", problems, "message=" + lastMessage());
    }

    /** Item 3: a job whose working memory would exceed the budget says so before its provider starts. */
    private void memoryBudget() throws Exception {
        List<String> problems = new ArrayList<>();
        open(board("20085009"));
        PixelImage before = document.result();
        document.setMemoryBudget(200_000_000L);
        String said;
        try {
            int count = messageCount();
            ProviderHandle<ImageEnhancer> bicubic = registry().provider("enhance.bicubic", ImageEnhancer.class);
            var job = document.run(bicubic, Parameters.bind(bicubic.call(LoupeService::parameters),
                    Map.of("scale", "16")));
            Shell error = Widgets.awaitDialog(java.util.Set.of(window), "the memory message");
            said = Widgets.find(error, Label.class, l -> l.getText().contains("GB")).stream().findFirst()
                    .map(l -> Widgets.onUi(l::getText)).orElse("");
            Widgets.closeOthers(window);
            SelfTest.join(job);
            SelfTest.await(() -> messageCount() > count, "the refusal reached no listener");
        } finally {
            document.setMemoryBudget(0);
        }
        // 10240 x 10240 grey: a 105-megapixel result with its float planes, far over 0.2 GB
        if (!said.contains("memory") || document.result() != before) {
            problems.add("bicubic x16 under a 0.2 GB budget: '" + said + "', result " + (document.result() == before
                    ? "kept" : "replaced"));
        }
        Widgets.report("3-memory", problems, "said=" + said);
    }

    /** Item 4: Save Result proposes the input's folder, then the last one, and the input's format. */
    private void saveSuggestion() throws Exception {
        List<String> problems = new ArrayList<>();
        openButterfly();
        median();
        SaveSuggestion sample = SaveSuggestion.of(document, null);
        if (!sample.fileName().endsWith(".png") || sample.folder().equals(Path.of("").toAbsolutePath())) {
            problems.add("for the butterfly sample: " + sample);
        }
        open(board("13000008"));
        median();
        SaveSuggestion board = SaveSuggestion.of(document, null);
        // the folder of the last save in this session (an earlier phase saved one), else the board's own
        Path expected = document.lastSaveFolder() != null ? document.lastSaveFolder()
                : board("13000008").toAbsolutePath().getParent();
        if (!board.folder().equals(expected)
                || !board.fileName().equals("13000008_test.enhance.median.png")) {
            problems.add("for board 13000008: " + board);
        }
        Path saved = Files.createDirectories(scratch.resolve("saved")).resolve("first.png");
        document.saveResult(saved);
        SaveSuggestion next = SaveSuggestion.of(document, null);
        if (!next.folder().equals(saved.getParent().toAbsolutePath())) {
            problems.add("after saving in " + saved.getParent() + ": " + next);
        }
        Widgets.report("4", problems, "proposed=" + board.fileName() + " then " + next.folder());
    }

    /** Opens the RGB sample and waits until the view shows it (the open's outcome is applied on the UI thread). */
    private void openButterfly() throws Exception {
        SelfTest.join(document.open(Samples.all().stream().filter(s -> s.fileName().equals("butterfly.png"))
                .findFirst().orElseThrow()));
        SelfTest.await(() -> document.path() == null && document.image() != null && document.image().bands() == 3,
                "the butterfly did not open");
        Thread.sleep(200);
    }

    private void median() throws Exception {
        PixelImage before = document.result();
        ProviderHandle<ImageEnhancer> median = registry().provider("enhance.median", ImageEnhancer.class);
        SelfTest.join(document.run(median, Parameters.defaults(median.call(LoupeService::parameters))));
        SelfTest.await(() -> document.result() != null && document.result() != before, "the median made no result");
    }

    /** Item 5: the read-out follows the image without a pointer move, names the reference, uses shown coordinates. */
    private void readout() throws Exception {
        List<String> problems = new ArrayList<>();
        openButterfly();
        Thread.sleep(300);
        ImageCanvas canvas = Widgets.find(window, ImageCanvas.class, c -> true).get(0);
        Point centre = Widgets.onUi(() -> new Point(canvas.getSize().x / 2, canvas.getSize().y / 2));
        String rgb = pointAt(canvas, centre);
        open(board("20085009"));
        Thread.sleep(300);
        String grey = readoutText();
        if (grey.equals(rgb) || grey.matches(".*input \\d+ \\d+ \\d+.*")) {
            problems.add("after opening a grey board the read-out still says '" + grey + "'");
        }
        if (document.reference() != null) {
            Widgets.press(Widgets.button(window, "Reference").orElseThrow());
            Thread.sleep(300);
            String ref = pointAt(canvas, centre);
            if (ref.contains("result") || !ref.contains("reference")) {
                problems.add("in Reference view the read-out says '" + ref + "'");
            }
        }
        ProviderHandle<ImageEnhancer> bicubic = registry().provider("enhance.bicubic", ImageEnhancer.class);
        SelfTest.join(document.run(bicubic, Parameters.bind(bicubic.call(LoupeService::parameters),
                Map.of("scale", "2"))));
        SelfTest.await(() -> document.result() != null, "bicubic made no result");
        Thread.sleep(300);
        Widgets.press(Widgets.button(window, "Result").orElseThrow());
        Thread.sleep(300);
        String result = pointAt(canvas, centre);
        Matcher xy = XY.matcher(result);
        // the pointer is over the board's centre, (320, 320) in the input and (640, 640) in the 2x result
        if (!xy.find() || Integer.parseInt(xy.group(1)) < 480 || Integer.parseInt(xy.group(2)) < 480) {
            problems.add("in Result view of a 2x result, at the image's centre, the read-out says '" + result + "'");
        }
        Widgets.report("5", problems, "readout=" + result);
    }

    /** Item 6: labels apart, toolbar kept in a small window, re-fit after a resize, long messages readable. */
    private void layout() throws Exception {
        List<String> problems = new ArrayList<>();
        open(board("13000008"));
        detect("detect.template");
        ImageCanvas canvas = Widgets.find(window, ImageCanvas.class, c -> true).get(0);
        Thread.sleep(300);
        List<Rectangle> labels = Widgets.onUi(() -> {
            canvas.redraw();
            canvas.update();
            return canvas.labelBounds();
        });
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).intersects(labels.get(j))) {
                    problems.add("labels " + labels.get(i) + " and " + labels.get(j) + " overlap");
                }
            }
        }
        Rectangle full = Widgets.onUi(window::getBounds);
        String zoomBefore = zoom(canvas);
        Widgets.onUi(() -> {
            window.setSize(640, 480);
            window.layout(true, true);
            return null;
        });
        Thread.sleep(800);
        for (String name : new String[] {"Auto", "Fit", "Marks"}) {
            Widgets.button(window, name).flatMap(Widgets::unseen).ifPresent(why -> problems.add(
                    "in a 640x480 window " + name + " is " + why));
        }
        String zoomAfter = zoom(canvas);
        if (zoomAfter.equals(zoomBefore)) {
            problems.add("not re-fitted after the window shrank (" + zoomBefore + " before and after)");
        }
        Widgets.onUi(() -> {
            window.setBounds(full);
            window.layout(true, true);
            return null;
        });
        Thread.sleep(800);
        String longMessage = "reading the model folder, checking its sidecar, warming up the graph and then "
                + "enhancing the image tile by tile: a message longer than the status bar";
        CountDownLatch shown = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServiceRegistration<ImageEnhancer> reg = register("selftest.long-message", (input, ctx) -> {
            ctx.progress(0.5, longMessage);
            shown.countDown();
            hold(release);
            return input.copy();
        });
        try {
            ProviderHandle<ImageEnhancer> h = registry().provider("selftest.long-message", ImageEnhancer.class);
            var job = document.run(h, Parameters.defaults(List.of()));
            shown.await(20, TimeUnit.SECONDS);
            Thread.sleep(500);
            List<Label> status = Widgets.find(window, Label.class, l -> l.getText().contains("status bar")
                    || (l.getToolTipText() != null && l.getToolTipText().contains(longMessage)));
            if (status.isEmpty()) {
                problems.add("the status bar does not carry the job's message");
            } else {
                Label l = status.get(0);
                int needed = Widgets.onUi(() -> l.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
                int width = Widgets.onUi(() -> l.getSize().x);
                String tip = Widgets.onUi(l::getToolTipText);
                if (needed > width && (tip == null || !tip.contains(longMessage))) {
                    problems.add("the status message is cut: " + width + " px shown of " + needed);
                }
            }
            release.countDown();
            SelfTest.join(job);
        } finally {
            release.countDown();
            reg.unregister();
        }
        Widgets.report("6", problems, "labels=" + labels.size() + " zoom=" + zoomBefore + "->" + zoomAfter);
    }

    /** Item 7 and 8: no command-line options in what the view says, window values as a person writes them. */
    private void wording() throws Exception {
        List<String> problems = new ArrayList<>();
        open(board("92000110"));
        Path alone = scratch.resolve("alone/13000008_test.jpg");
        open(alone);
        int before = messageCount();
        ProviderHandle<DefectDetector> template = registry().provider("detect.template", DefectDetector.class);
        var job = document.detect(template, Parameters.defaults(template.call(LoupeService::parameters)));
        Widgets.awaitDialog(java.util.Set.of(window), "the refusal of a board without its template");
        Widgets.closeOthers(window);
        SelfTest.join(job);
        SelfTest.await(() -> messageCount() > before, "detect.template said nothing");
        String refused = lastMessage();
        if (refused.contains("--")) {
            problems.add("Detect without a template says '" + refused + "'");
        }
        open(Path.of(System.getProperty("loupe.selftest.image")));
        ImageCanvas canvas = Widgets.find(window, ImageCanvas.class, c -> true).get(0);
        Widgets.onUi(() -> {
            Point c = new Point(canvas.getSize().x / 2, canvas.getSize().y / 2);
            Widgets.mouse(canvas, SWT.MouseDown, c.x, c.y, 3, 0);
            Widgets.mouse(canvas, SWT.MouseMove, c.x + 37, c.y - 11, 0, 0);
            Widgets.mouse(canvas, SWT.MouseUp, c.x + 37, c.y - 11, 3, 0);
            return null;
        });
        Thread.sleep(300);
        List<String> fields = Widgets.onUi(() -> Widgets.find(window, Text.class, t -> (t.getStyle() & SWT.RIGHT)
                != 0).stream().map(Text::getText).toList());
        if (fields.size() < 2 || fields.stream().anyMatch(f -> f.contains("e"))) {
            problems.add("the window fields show " + fields);
        }
        Widgets.report("7", problems, "window=" + fields + " refused=" + refused);
    }

    /** Holds a provider until the check lets it go, as a provider busy with its last tile would be. */
    private static void hold(CountDownLatch release) throws LoupeException {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoupeException.cancelled();
        }
    }

    private String zoom(ImageCanvas canvas) {
        String s = pointAt(canvas, Widgets.onUi(() -> new Point(canvas.getSize().x / 2, canvas.getSize().y / 2)));
        Matcher m = Pattern.compile("zoom (\\d+)%").matcher(s);
        return m.find() ? m.group(1) + "%" : s;
    }

    private void open(Path file) throws Exception {
        SelfTest.join(document.open(file));
        SelfTest.await(() -> file.equals(document.path()), file.getFileName() + " did not open");
        Thread.sleep(200);
    }

    private void detect(String id) throws Exception {
        ProviderHandle<DefectDetector> d = registry().provider(id, DefectDetector.class);
        SelfTest.join(document.detect(d, Parameters.defaults(d.call(LoupeService::parameters))));
        SelfTest.await(() -> !document.marks().isEmpty(), id + " marked nothing");
    }

    private void classify() throws Exception {
        ProviderHandle<DefectClassifier> c = registry().provider("classify.siamese", DefectClassifier.class);
        SelfTest.join(document.classifyPatches(c, Parameters.defaults(c.call(LoupeService::parameters)), 64));
        SelfTest.await(() -> document.marks().stream().anyMatch(m -> m.kind() == Mark.Kind.PATCH),
                "no patch decisions");
    }

    private String pointAt(ImageCanvas canvas, Point p) {
        Widgets.onUi(() -> {
            Widgets.mouse(canvas, SWT.MouseMove, p.x, p.y, 0, 0);
            return null;
        });
        return readoutText();
    }

    private String readoutText() {
        return Widgets.find(window, Label.class, l -> l.getText().startsWith("x ") || l.getText().startsWith("zoom"))
                .stream().findFirst().map(l -> Widgets.onUi(l::getText)).orElse("");
    }

    private int messageCount() {
        synchronized (messages) {
            return messages.size();
        }
    }

    private String lastMessage() {
        synchronized (messages) {
            return messages.isEmpty() ? "" : messages.get(messages.size() - 1);
        }
    }

    private ServiceRegistration<ImageEnhancer> register(String id, ImageEnhancer enhancer) throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("loupe.id", id);
        props.put("loupe.version", "1.0.0");
        props.put("loupe.name", id);
        ServiceRegistration<ImageEnhancer> r = FrameworkUtil.getBundle(DailyUseSelfTest.class).getBundleContext()
                .registerService(ImageEnhancer.class, enhancer, props);
        SelfTest.await(() -> registry().providers().stream().anyMatch(p -> p.descriptor().id().equals(id)),
                id + " was not registered");
        return r;
    }
}
