package org.loupe.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.detection.CocoFiles;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.FindingsExport;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.Mark;
import org.loupe.ui.parts.FindingsPart;
import org.loupe.ui.parts.MarkedPicture;
import org.loupe.ui.widgets.ImageCanvas;

/**
 * The findings phase of the daily-use test (issue 25, "results they can keep"): a board's detections are listed in
 * the Findings view; choosing a row chooses the mark on the image and clicking a mark on the image chooses its row;
 * the findings exported as CSV, JSON and COCO read back with every box; the picture with marks has them drawn on.
 */
final class FindingsSelfTest {

    private FindingsSelfTest() {
    }

    static void run(IEclipseContext windowContext, ImageDocument document, Shell window, Path board, Path scratch)
            throws Exception {
        List<String> problems = new ArrayList<>();
        SelfTest.join(document.open(board));
        SelfTest.await(() -> board.equals(document.path()) && document.reference() != null,
                "the board did not open with its template");
        ProviderHandle<DefectDetector> d = windowContext.get(ProviderRegistry.class).provider("detect.template",
                DefectDetector.class);
        SelfTest.join(document.detect(d, Parameters.defaults(d.call(LoupeService::parameters))));
        SelfTest.await(() -> !document.marks().isEmpty(), "detect.template marked nothing");
        FindingsPart part = Widgets.onUi(() -> {
            MPart p = windowContext.get(EPartService.class).showPart(FindingsPart.PART_ID,
                    EPartService.PartState.ACTIVATE);
            return (FindingsPart) p.getObject();
        });
        Thread.sleep(300);
        List<Mark> rows = Widgets.onUi(part::rows);
        if (rows.size() != document.marks().size()) {
            problems.add(rows.size() + " rows for " + document.marks().size() + " detections");
        }
        // a row chosen as a click does: the document, and so the image, choose the same mark
        Widgets.onUi(() -> {
            org.eclipse.swt.widgets.Table t = part.table();
            t.setSelection(1);
            t.notifyListeners(SWT.Selection, new Event());
            return null;
        });
        Thread.sleep(200);
        if (document.selected() != rows.get(1)) {
            problems.add("row 2 chosen, the image shows " + document.selected());
        }
        // a click on the image chooses the row of the mark under it
        ImageCanvas canvas = Widgets.find(window, ImageCanvas.class, c -> true).get(0);
        Mark target = rows.get(rows.size() - 1);
        Point at = Widgets.onUi(() -> canvas.toCanvas((target.x1() + target.x2()) / 2,
                (target.y1() + target.y2()) / 2));
        Widgets.onUi(() -> {
            Widgets.click(canvas, at, 0);
            return null;
        });
        Thread.sleep(200);
        Mark clicked = document.selected();
        Mark row = Widgets.onUi(part::chosenRow);
        if (clicked == null || !clicked.contains((target.x1() + target.x2()) / 2, (target.y1() + target.y2()) / 2)
                || row != clicked) {
            problems.add("a click on " + target.describe() + " chose " + clicked + ", row " + row);
        }
        Widgets.onUi(() -> {
            SelfTest.captureWindow(window, scratch.resolve("findings.png"));
            return null;
        });
        problems.addAll(groundTruth(document, window, part, board, scratch));
        problems.addAll(exports(document, scratch));
        Path picture = scratch.resolve("board.marked.png");
        Widgets.onUi(() -> {
            try {
                MarkedPicture.save(window.getDisplay(), document, picture);
            } catch (org.loupe.api.LoupeException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        ImageData saved = new ImageLoader().load(picture.toString())[0];
        int coloured = coloured(saved);
        if (saved.width != 640 || saved.height != 640 || coloured < 200) {
            problems.add("the picture is " + saved.width + "x" + saved.height + " with " + coloured
                    + " coloured pixels");
        }
        Widgets.report("findings", problems, "rows=" + rows.size() + " picture=" + coloured);
        patchTruth(windowContext, document, window, part, board, scratch);
    }

    /**
     * The ground truth over a patch classifier's decisions: a failing patch that overlaps an annotated defect found
     * it, one that overlaps none is a false alarm, a defect no failing patch overlaps is missed; counted here from the
     * annotation file and compared with the summary and the Truth column.
     */
    private static void patchTruth(IEclipseContext windowContext, ImageDocument document, Shell window,
            FindingsPart part, Path board, Path scratch) throws Exception {
        List<String> problems = new ArrayList<>();
        SelfTest.join(document.open(board));
        SelfTest.await(() -> board.equals(document.path()) && document.reference() != null && document.marks()
                .isEmpty(), "the board did not open again with its template and without marks");
        ProviderHandle<DefectClassifier> c = windowContext.get(ProviderRegistry.class).provider("classify.siamese",
                DefectClassifier.class);
        SelfTest.join(document.classifyPatches(c, Parameters.defaults(c.call(LoupeService::parameters)), 64));
        SelfTest.await(() -> !document.marks().isEmpty(), "Classify Patches marked nothing");
        List<double[]> objects = Files.readAllLines(annotation(board)).stream().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.trim().split("[ ,]+")).limit(4).mapToDouble(Double::parseDouble)
                        .toArray()).toList();
        List<Mark> failing = document.marks().stream().filter(m -> m.kind() == Mark.Kind.PATCH && !m.passing())
                .toList();
        java.util.function.BiPredicate<Mark, double[]> over = (m, o) -> m.x1() < o[2] && o[0] < m.x2()
                && m.y1() < o[3] && o[1] < m.y2();
        long found = failing.stream().filter(m -> objects.stream().anyMatch(o -> over.test(m, o))).count();
        long missed = objects.stream().filter(o -> failing.stream().noneMatch(m -> over.test(m, o))).count();
        String expected = found + " found, " + missed + " missed, " + (failing.size() - found) + " false alarms";
        var box = Widgets.button(window, "Ground truth").orElseThrow();
        Widgets.press(box);
        Thread.sleep(300);
        String summary = Widgets.onUi(part::summary);
        if (!summary.endsWith("against the ground truth: " + expected)) {
            problems.add("for " + failing.size() + " failing patches and " + objects.size() + " defects the summary "
                    + "says '" + summary + "', counted " + expected);
        }
        List<String> column = Widgets.onUi(() -> java.util.Arrays.stream(part.table().getItems())
                .filter(i -> failing.contains(i.getData())).map(i -> i.getText(3)).distinct().sorted().toList());
        List<String> wanted = new ArrayList<>();
        if (found < failing.size()) {
            wanted.add("false alarm");
        }
        if (found > 0) {
            wanted.add("found");
        }
        if (!column.equals(wanted)) {
            problems.add("the Truth column of the failing patches says " + column);
        }
        Widgets.onUi(() -> {
            SelfTest.captureWindow(window, scratch.resolve("findings-patch-truth.png"));
            return null;
        });
        Widgets.press(box);
        Widgets.report("patch-truth", problems, expected);
    }

    private static Path annotation(Path board) {
        return board.getParent().resolveSibling(board.getParent().getFileName() + "_not").resolve(
                board.getFileName().toString().replace("_test.jpg", ".txt"));
    }

    /** The board's DeepPCB annotations over the detections: every object found or missed, every box found or not. */
    private static List<String> groundTruth(ImageDocument document, Shell window, FindingsPart part, Path board,
            Path scratch) throws Exception {
        List<String> problems = new ArrayList<>();
        Path txt = annotation(board);
        int objects = (int) Files.readAllLines(txt).stream().filter(l -> !l.isBlank()).count();
        var box = Widgets.button(window, "Ground truth").orElseThrow();
        if (!Widgets.onUi(box::getEnabled)) {
            return List.of("Ground truth is not offered for a DeepPCB board");
        }
        Widgets.press(box);
        Thread.sleep(300);
        String summary = Widgets.onUi(part::summary);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) found, (\\d+) missed, (\\d+) false alarms")
                .matcher(summary);
        if (!m.find()) {
            return List.of("with the ground truth the summary says '" + summary + "'");
        }
        int found = Integer.parseInt(m.group(1));
        int missed = Integer.parseInt(m.group(2));
        int falseAlarms = Integer.parseInt(m.group(3));
        int detections = (int) document.marks().stream().filter(k -> k.kind() == Mark.Kind.DETECTION).count();
        if (found + missed != objects || found + falseAlarms != detections) {
            problems.add(summary + " for " + objects + " annotated objects and " + detections + " detections");
        }
        Widgets.onUi(() -> {
            SelfTest.captureWindow(window, scratch.resolve("findings-truth.png"));
            return null;
        });
        Widgets.press(box);
        return problems;
    }

    private static List<String> exports(ImageDocument document, Path scratch) throws Exception {
        List<String> problems = new ArrayList<>();
        String name = document.path().getFileName().toString();
        int w = document.image().width();
        int h = document.image().height();
        List<Mark> marks = document.marks();
        Path csv = scratch.resolve("findings.csv");
        FindingsExport.write(FindingsExport.Format.CSV, csv, name, w, h, marks);
        if (Files.readAllLines(csv).size() != marks.size() + 1) {
            problems.add("the CSV has " + Files.readAllLines(csv).size() + " lines for " + marks.size() + " marks");
        }
        Path json = scratch.resolve("findings.json");
        FindingsExport.write(FindingsExport.Format.JSON, json, name, w, h, marks);
        int listed = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject()
                .getAsJsonArray("marks").size();
        if (listed != marks.size()) {
            problems.add("the JSON lists " + listed + " marks of " + marks.size());
        }
        // COCO next to a copy of the image, read back by the reader eval detect uses
        Path coco = Files.createDirectories(scratch.resolve("coco")).resolve(CocoFiles.FILE_NAME);
        Files.copy(document.path(), coco.resolveSibling(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FindingsExport.write(FindingsExport.Format.COCO, coco, name, w, h, marks);
        List<AnnotatedImageFile> back = CocoFiles.read(coco);
        long boxes = back.get(0).truth().stream().filter(g -> marks.stream().anyMatch(m -> m.label().equals(g.label())
                && Math.abs(m.x1() - g.x1()) < 1e-6 && Math.abs(m.y2() - g.y2()) < 1e-6)).count();
        if (back.size() != 1 || boxes != marks.size()) {
            problems.add("COCO read back " + boxes + " of " + marks.size() + " boxes");
        }
        return problems;
    }

    private static int coloured(ImageData data) {
        int n = 0;
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                RGB c = data.palette.getRGB(data.getPixel(x, y));
                n += Math.max(c.red, Math.max(c.green, c.blue)) - Math.min(c.red, Math.min(c.green, c.blue)) > 120
                        ? 1 : 0;
            }
        }
        return n;
    }
}
