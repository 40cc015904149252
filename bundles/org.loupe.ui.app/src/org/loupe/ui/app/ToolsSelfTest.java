package org.loupe.ui.app;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.bindings.EBindingService;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProviderKind;
import org.loupe.image.PixelImage;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.samples.Samples;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.dialogs.GuideDialog;
import org.loupe.ui.parts.HistogramPart;
import org.loupe.ui.parts.ImagePart;
import org.loupe.ui.parts.PluginsPart;
import org.loupe.ui.parts.ProfilePart;
import org.loupe.ui.widgets.ImageCanvas;

/**
 * The measurement phase of the daily-use test (issue 25, "measurement" and "application basics"): Image > Measure
 * Against Reference offers PSNR and SSIM and measures the X-ray sample and its result against the 90 s frame; a
 * region drawn with Ctrl+drag gets its statistics; +, - and 0 zoom and fit, the arrows pan; the window's title names
 * the open file. Each prints one line.
 */
final class ToolsSelfTest {

    private ToolsSelfTest() {
    }

    static void run(IEclipseContext windowContext, ImageDocument document, Shell window, Path board) throws Exception {
        measure(windowContext, document, window);
        ImageCanvas canvas = Widgets.find(window, ImageCanvas.class, c -> true).get(0);
        drop(document, canvas, board);
        Thread.sleep(300);
        region(windowContext, document, canvas);
        polygon(windowContext, document, canvas);
        keys(canvas);
        profile(windowContext, document, canvas);
        histogram(windowContext, document, window);
        about(windowContext, window);
        help(windowContext, window);
        guide(windowContext, window);
        plugins(windowContext, document, window);
        String title = Widgets.onUi(window::getText);
        Widgets.report("title", title.startsWith(board.getFileName().toString()) ? List.of()
                : List.of("the window is titled '" + title + "'"), "title=" + title);
    }

    /**
     * A file dropped on the image opens (application basics). No X server lets a process drop into itself, so the
     * event the platform delivers for a drop (SWT's package-private DNDEvent) is built and given to the canvas's
     * drop target, whose own listeners then handle it as they would a real drop.
     */
    private static void drop(ImageDocument document, ImageCanvas canvas, Path file) throws Exception {
        Path before = document.path();
        int[] detail = new int[1];
        Widgets.onUi(() -> {
            DropTarget target = (DropTarget) canvas.getData(DND.DROP_TARGET_KEY);
            try {
                Class<?> type = Class.forName("org.eclipse.swt.dnd.DNDEvent", true, DropTarget.class
                        .getClassLoader());
                Constructor<?> make = type.getDeclaredConstructor();
                make.setAccessible(true);
                Event e = (Event) make.newInstance();
                e.widget = target;
                e.display = canvas.getDisplay();
                e.detail = DND.DROP_MOVE;
                e.data = new String[] {file.toString()};
                Field operations = type.getDeclaredField("operations");
                operations.setAccessible(true);
                operations.setInt(e, DND.DROP_COPY | DND.DROP_MOVE);
                Field dataType = type.getDeclaredField("dataType");
                dataType.setAccessible(true);
                dataType.set(e, FileTransfer.getInstance().getSupportedTypes()[0]);
                target.notifyListeners(DND.DragEnter, e);
                detail[0] = e.detail;
                target.notifyListeners(DND.Drop, e);
            } catch (ReflectiveOperationException x) {
                throw new IllegalStateException(x);
            }
            return null;
        });
        SelfTest.await(() -> file.equals(document.path()), "the dropped " + file.getFileName() + " did not open");
        List<String> problems = new ArrayList<>();
        if (detail[0] != DND.DROP_COPY) {
            problems.add("a drop offered as a move was not turned into a copy (detail " + detail[0] + ")");
        }
        Widgets.report("drop", problems, "before=" + before + " after=" + document.path().getFileName());
    }

    private static void measure(IEclipseContext windowContext, ImageDocument document, Shell window)
            throws Exception {
        List<String> problems = new ArrayList<>();
        SelfTest.join(document.open(Samples.all().stream().filter(s -> s.reference() != null).findFirst()
                .orElseThrow()));
        SelfTest.await(() -> document.reference() != null && document.path() == null, "xray-s1 did not open");
        ProviderRegistry registry = windowContext.get(ProviderRegistry.class);
        ProviderHandle<ImageEnhancer> median = registry.provider("enhance.median", ImageEnhancer.class);
        SelfTest.join(document.run(median, Parameters.defaults(median.call(LoupeService::parameters))));
        SelfTest.await(() -> document.result() != null, "the median made no result");
        Widgets.execute(windowContext, "org.loupe.ui.command.measure");
        Shell dialog = Widgets.awaitDialog(Set.of(window), "Measure Against Reference");
        List<String> checked = Widgets.find(dialog, Button.class, b -> (b.getStyle() & SWT.CHECK) != 0
                && b.getSelection()).stream().map(b -> Widgets.onUi(b::getText)).toList();
        Widgets.closeOthers(window);
        if (checked.size() != 2 || checked.stream().noneMatch(t -> t.contains("metric.psnr"))) {
            problems.add("the dialog preselects " + checked);
        }
        SelfTest.join(document.measure(List.of(registry.provider("metric.psnr", ImageMetric.class),
                registry.provider("metric.ssim", ImageMetric.class))));
        SelfTest.await(() -> document.measurements().size() == 2, "no measurements");
        ImageDocument.Measurement psnr = document.measurements().get(0);
        ImageDocument.Measurement ssim = document.measurements().get(1);
        if (Double.isNaN(psnr.result()) || !(psnr.input() > 0) || !(ssim.input() > 0 && ssim.input() <= 1)) {
            problems.add("measured " + document.measurements());
        }
        Widgets.report("measure", problems, String.format(Locale.ROOT, "psnr=%.6f result=%.6f ssim=%.6f "
                + "result=%.6f", psnr.input(), psnr.result(), ssim.input(), ssim.result()));
    }

    /** A region drawn with Ctrl+drag: the statistics shown are those of its pixels, counted here independently. */
    private static void region(IEclipseContext windowContext, ImageDocument document, ImageCanvas canvas)
            throws Exception {
        Widgets.onUi(() -> {
            Point a = canvas.toCanvas(100, 120);
            Point b = canvas.toCanvas(260, 200);
            Widgets.drag(canvas, a, b, SWT.MOD1);
            return null;
        });
        Thread.sleep(300);
        Rectangle r = Widgets.onUi(canvas::roi);
        ImagePart part = Widgets.onUi(() -> (ImagePart) windowContext.get(EPartService.class)
                .findPart("org.loupe.ui.part.image").getObject());
        String shown = Widgets.onUi(part::regionText);
        List<String> problems = new ArrayList<>();
        if (r == null) {
            problems.add("Ctrl+drag drew no region");
        } else {
            PixelImage img = document.image();
            double sum = 0;
            for (int y = r.y; y < r.y + r.height; y++) {
                for (int x = r.x; x < r.x + r.width; x++) {
                    sum += img.getFloat(x, y, 0);
                }
            }
            String mean = String.format(Locale.ROOT, "mean %.4g ", sum / ((long) r.width * r.height));
            String area = "area " + (long) r.width * r.height + " px";
            if (!shown.contains(mean) || !shown.contains(area) || Math.abs(r.width - 160) > 2
                    || Math.abs(r.height - 80) > 2) {
                problems.add("region " + r + " shows '" + shown + "', expected '" + mean + "' and '" + area + "'");
            }
        }
        Widgets.report("region", problems, "region=" + shown);
    }

    /** The Histogram view counts every pixel of the open board and draws the display window inside its range. */
    private static void histogram(IEclipseContext windowContext, ImageDocument document, Shell window)
            throws Exception {
        HistogramPart part = Widgets.onUi(() -> (HistogramPart) windowContext.get(EPartService.class)
                .showPart(HistogramPart.PART_ID, EPartService.PartState.ACTIVATE).getObject());
        Thread.sleep(300);
        long[] counts = Widgets.onUi(() -> part.histogram().counts());
        long total = java.util.Arrays.stream(counts).sum();
        PixelImage img = document.image();
        int width = Widgets.onUi(() -> part.histogram().getClientArea().width);
        int low = Widgets.onUi(() -> part.histogram().xOf(document.displayWindow().low()));
        int high = Widgets.onUi(() -> part.histogram().xOf(document.displayWindow().high()));
        List<String> problems = new ArrayList<>();
        if (total != (long) img.width() * img.height() * img.bands()) {
            problems.add("the histogram counts " + total + " values of a " + img.width() + "x" + img.height()
                    + " image");
        }
        if (!(low >= 0 && high <= width && low < high)) {
            problems.add("the window is drawn at " + low + " to " + high + " of " + width + " px");
        }
        Widgets.onUi(() -> {
            SelfTest.captureWindow(window, Path.of(System.getProperty("loupe.selftest.daily")).resolve(
                    "histogram.png"));
            return null;
        });
        Widgets.report("histogram", problems, "values=" + total + " window=" + low + ".." + high + "/"
                + width);
    }

    /** Double-clicks a provider in the Plugins view and returns what its details dialog says. */
    private static String details(PluginsPart part, Shell window, String id) throws Exception {
        Widgets.onUi(() -> {
            part.reveal(id, ProviderKind.ENHANCER);
            // the details dialog is modal: double-click after this returns, as the mouse would
            part.table().getDisplay().asyncExec(() -> part.table().notifyListeners(SWT.DefaultSelection,
                    new Event()));
            return null;
        });
        Shell details = Widgets.awaitDialog(Set.of(window), id + "'s details");
        String text = Widgets.find(details, org.eclipse.swt.widgets.Text.class, t -> true).stream().findFirst()
                .map(t -> Widgets.onUi(t::getText)).orElse("");
        Widgets.closeOthers(window);
        return text;
    }

    /**
     * The Plugins view: a double-click on the median shows its parameters, on the X-ray enhancer its training
     * record; right-click Run opens the enhancer dialog with the median chosen, and OK runs it on the open image.
     */
    private static void plugins(IEclipseContext windowContext, ImageDocument document, Shell window)
            throws Exception {
        List<String> problems = new ArrayList<>();
        PluginsPart part = Widgets.onUi(() -> (PluginsPart) windowContext.get(EPartService.class)
                .showPart("org.loupe.ui.part.plugins", EPartService.PartState.ACTIVATE).getObject());
        String xray = details(part, window, "enhance.xray");
        if (!xray.contains("Training record") || !xray.contains("Model xray.dm ") || !xray.contains(
                "trainer: enhance.xray") || !xray.matches("(?s).*validation PSNR \\(dB\\): [0-9.]+\n.*")) {
            problems.add("the X-ray enhancer's details say '" + xray + "'");
        }
        // the median last: it stays selected for right-click Run
        String text = details(part, window, "enhance.median");
        if (!text.contains("enhance.median") || !text.contains("Parameters:")) {
            problems.add("the details say '" + text + "'");
        }
        PixelImage before = document.result();
        Widgets.onUi(() -> {
            org.eclipse.swt.widgets.Menu menu = part.table().getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            org.eclipse.swt.widgets.MenuItem run = java.util.Arrays.stream(menu.getItems()).filter(i -> i.getText()
                    .startsWith("Run")).findFirst().orElseThrow();
            if (run.getEnabled()) {
                // the dialog it opens is modal: click after this returns, as the menu would
                run.getDisplay().asyncExec(() -> run.notifyListeners(SWT.Selection, new Event()));
            }
            return null;
        });
        Shell dialog = Widgets.awaitDialog(Set.of(window), "Run on the Open Image");
        String chosen = Widgets.find(dialog, org.eclipse.swt.widgets.Combo.class, k -> k.getItemCount() > 0)
                .stream().findFirst().map(k -> Widgets.onUi(k::getText)).orElse("");
        Widgets.press(Widgets.button(dialog, "OK").orElseThrow());
        SelfTest.await(() -> document.result() != before && document.result() != null, "Run made no result");
        if (!chosen.contains("enhance.median") || !"enhance.median".equals(document.resultProvider().id())) {
            problems.add("right-click Run chose '" + chosen + "' and ran " + document.resultProvider().id());
        }
        Widgets.report("plugins", problems, "chosen=" + chosen);
    }

    /** Help > Guide lists the README and the docs installed with the product and shows the README's workbench tour. */
    private static void guide(IEclipseContext windowContext, Shell window) throws Exception {
        Widgets.execute(windowContext, "org.loupe.ui.command.guide");
        Shell guide = Widgets.awaitDialog(Set.of(window), "the guide");
        List<String> items = Widgets.onUi(() -> List.of(Widgets.find(guide, org.eclipse.swt.widgets.List.class,
                l -> true).get(0).getItems()));
        StyledText shown = Widgets.find(guide, StyledText.class, t -> true).get(0);
        String text = Widgets.onUi(shown::getText);
        // the README's title as a large bold heading without its hash, commands in a monospace font
        String styles = Widgets.onUi(() -> {
            StyleRange title = shown.getStyleRangeAtOffset(0);
            FontData titleFont = title == null || title.font == null ? null : title.font.getFontData()[0];
            int command = text.indexOf("./loupe workbench");
            StyleRange code = command < 0 ? null : shown.getStyleRangeAtOffset(command);
            boolean mono = code != null && code.font != null && code.font.getFontData()[0].getName().equals(
                    GuideDialog.MONOSPACE);
            int plain = shown.getFont().getFontData()[0].getHeight();
            return (titleFont != null && (titleFont.getStyle() & SWT.BOLD) != 0 && titleFont.getHeight() > plain
                    ? "title" : "no title") + (mono ? " code" : " no code");
        });
        Widgets.closeOthers(window);
        List<String> problems = new ArrayList<>();
        if (!items.contains("README.md") || !items.contains("docs/MODELS.md") || !text.contains("./loupe workbench")
                || !text.startsWith("Loupe\n") || text.lines().anyMatch(l -> l.startsWith("```"))) {
            problems.add("the guide lists " + items + " and shows " + text.length() + " characters");
        }
        if (!styles.equals("title code")) {
            problems.add("the README shows with " + styles);
        }
        Widgets.report("guide", problems, "documents=" + items.size() + " styles=" + styles);
    }

    /** Help > Keys and Tools, bound to F1: it names every gesture the canvas takes. */
    private static void help(IEclipseContext windowContext, Shell window) throws Exception {
        String key = Widgets.onUi(() -> {
            EBindingService bindings = windowContext.get(EBindingService.class);
            ECommandService commands = windowContext.get(ECommandService.class);
            TriggerSequence t = bindings.getBestSequenceFor(commands.createCommand("org.loupe.ui.command.help", null));
            return t == null ? "none" : t.format();
        });
        Widgets.execute(windowContext, "org.loupe.ui.command.help");
        Shell help = Widgets.awaitDialog(Set.of(window), "Keys and Tools");
        String text = Widgets.find(help, org.eclipse.swt.widgets.Label.class, l -> l.getText().contains("Ctrl+drag"))
                .stream().findFirst().map(l -> Widgets.onUi(l::getText)).orElse("");
        Widgets.closeOthers(window);
        List<String> problems = new ArrayList<>(java.util.stream.Stream.of("Ctrl+drag", "Shift+drag", "right-drag",
                "Ctrl+Z", "F1").filter(k -> !text.contains(k)).map(k -> "the help misses " + k).toList());
        if (!key.equals("F1")) {
            problems.add("Keys and Tools is bound to " + key);
        }
        Widgets.report("help", problems, "key=" + key + " lines=" + text.lines().count());
    }

    /** Help > About names this version and the compute backend. */
    private static void about(IEclipseContext windowContext, Shell window) throws Exception {
        Widgets.execute(windowContext, "org.loupe.ui.command.about");
        Shell about = Widgets.awaitDialog(Set.of(window), "About Loupe");
        String text = Widgets.find(about, org.eclipse.swt.widgets.Label.class, l -> l.getText().contains("Loupe "))
                .stream().findFirst().map(l -> Widgets.onUi(l::getText)).orElse("");
        Widgets.closeOthers(window);
        String version = org.loupe.api.LoupeBuild.version();
        Widgets.report("about", text.contains("Loupe " + version) && text.contains("Compute: ") ? List.of()
                : List.of("About says '" + text + "'"), "version=" + version);
    }

    /** Four Ctrl+Shift+clicks and a click on the first corner: the statistics of the triangle's pixels. */
    private static void polygon(IEclipseContext windowContext, ImageDocument document, ImageCanvas canvas)
            throws Exception {
        double[][] corners = {{120, 140}, {320, 140}, {120, 340}};
        Widgets.onUi(() -> {
            for (double[] c : new double[][] {corners[0], corners[1], corners[2], corners[0]}) {
                Widgets.click(canvas, canvas.toCanvas(c[0], c[1]), SWT.MOD1 | SWT.SHIFT);
            }
            return null;
        });
        Thread.sleep(300);
        ImagePart part = Widgets.onUi(() -> (ImagePart) windowContext.get(EPartService.class)
                .findPart("org.loupe.ui.part.image").getObject());
        String shown = Widgets.onUi(part::regionText);
        // the right triangle of legs 200 px holds about 200 * 200 / 2 pixel centres (the canvas rounds the corners
        // to screen pixels, so within a few per cent)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("area (\\d+) px").matcher(shown);
        long area = m.find() ? Long.parseLong(m.group(1)) : -1;
        List<String> problems = shown.startsWith("Polygon of 3 corners: input mean ") && Math.abs(area - 20_000) < 1_200
                ? List.of() : List.of("the polygon shows '" + shown + "'");
        Widgets.report("polygon", problems, "area=" + area);
    }

    /** Shift+drag along a row: the Profile view holds that row's values and the status its length. */
    private static void profile(IEclipseContext windowContext, ImageDocument document, ImageCanvas canvas)
            throws Exception {
        ProfilePart part = Widgets.onUi(() -> (ProfilePart) windowContext.get(EPartService.class)
                .showPart(ProfilePart.PART_ID, EPartService.PartState.ACTIVATE).getObject());
        Widgets.onUi(() -> {
            Point a = canvas.toCanvas(100, 300);
            Point b = canvas.toCanvas(300, 300);
            Widgets.drag(canvas, a, b, SWT.SHIFT);
            return null;
        });
        Thread.sleep(300);
        List<String> problems = new ArrayList<>();
        var p = document.profile();
        String caption = Widgets.onUi(part::caption);
        if (p == null) {
            problems.add("Shift+drag measured no line");
        } else {
            // the pointer lands on whole screen pixels: the ends are within a pixel or two of (100, 300), (300, 300)
            PixelImage img = document.image();
            if (Math.abs(p.length() - 200) > 3 || !caption.contains(p.values().length + " samples")) {
                problems.add("a 200-px line measured " + p.length() + " px; the view says '" + caption + "'");
            }
            double mean = java.util.Arrays.stream(p.values()).average().orElse(-1);
            double rowMean = 0;
            for (int x = 100; x <= 300; x++) {
                rowMean += img.getFloat(x, 300, 0) / 201;
            }
            if (Math.abs(mean - rowMean) > 0.1 * 255) {
                problems.add("the profile's mean " + mean + " is far from row 300's " + rowMean);
            }
        }
        Widgets.report("profile", problems, "caption=" + caption);
    }

    /** +, -, 0 and the arrows, as the keyboard sends them to the canvas. */
    private static void keys(ImageCanvas canvas) throws Exception {
        List<String> problems = new ArrayList<>();
        double fitted = Widgets.onUi(() -> {
            key(canvas, '0', 0);
            return canvas.zoom();
        });
        double in = Widgets.onUi(() -> {
            key(canvas, '+', 0);
            return canvas.zoom();
        });
        Point before = Widgets.onUi(() -> canvas.toCanvas(0, 0));
        Point after = Widgets.onUi(() -> {
            key(canvas, (char) 0, SWT.ARROW_LEFT);
            return canvas.toCanvas(0, 0);
        });
        int tenth = Widgets.onUi(() -> canvas.getClientArea().width / 10);
        double back = Widgets.onUi(() -> {
            key(canvas, '-', 0);
            key(canvas, '0', 0);
            return canvas.zoom();
        });
        if (Math.abs(in / fitted - 1.25) > 1e-9 || Math.abs(after.x - before.x - tenth) > 1
                || Math.abs(back - fitted) > 1e-9) {
            problems.add(String.format(Locale.ROOT, "zoom %.4f -> + %.4f -> 0 %.4f; left arrow moved %d px (%d "
                    + "expected)", fitted, in, back, after.x - before.x, tenth));
        }
        Widgets.report("keys", problems, String.format(Locale.ROOT, "zoom=%.3f,%.3f pan=%d", fitted, in,
                after.x - before.x));
    }

    private static void key(ImageCanvas canvas, char character, int keyCode) {
        Event e = new Event();
        e.character = character;
        e.keyCode = keyCode == 0 ? character : keyCode;
        canvas.notifyListeners(SWT.KeyDown, e);
    }
}
