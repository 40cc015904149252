package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.Region;
import org.loupe.image.WindowLevel;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.samples.Sample;

/**
 * The demo's HTML report: for each sample, each enhancer's output beside the input, with parameters and timing.
 * 16-bit and float images are shown through the input's automatic window (0.5 to 99.5 percentile), so before and
 * after are directly comparable; the full-depth outputs are saved next to the report.
 */
final class DemoReport {

    /**
     * One enhancer's run on one sample.
     *
     * @param quality measured quality against a reference, or empty where the sample has none
     */
    record Result(ProviderDescriptor provider, Map<String, String> parameters, PixelImage output, double millis,
            String quality) {
    }

    private record Row(ProviderDescriptor provider, Map<String, String> parameters, String outputInfo,
            String preview, String detail, String fullOutput, double millis, String quality, String failure) {
    }

    /** Side, in input pixels, of the centre crop shown at full resolution. */
    private static final int DETAIL = 64;

    private final StringBuilder extraHtml = new StringBuilder();

    private static final class Entry {
        final Sample sample;
        final PixelImage input;
        final WindowLevel window;
        final List<Row> rows = new ArrayList<>();

        Entry(Sample sample, PixelImage input) {
            this.sample = sample;
            this.input = input;
            this.window = input.type().pixelType() == PixelType.UINT8 ? WindowLevel.fullRange(PixelType.UINT8)
                    : WindowLevel.auto(input, 0.5, 99.5);
        }
    }

    private final Path dir;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    DemoReport(Path dir) {
        this.dir = dir;
    }

    void addSample(Sample sample, PixelImage input) throws LoupeException {
        Entry e = new Entry(sample, input);
        entries.put(sample.fileName(), e);
        ImageFiles.write(e.window.toDisplay(input), dir.resolve(previewName(sample, null)), ImageFormat.PNG);
        ImageFiles.write(e.window.toDisplay(detail(input, input)), dir.resolve(detailName(sample, null)),
                ImageFormat.PNG);
    }

    /** The centre crop of {@code image} covering the centre {@link #DETAIL} pixels of {@code input}. */
    private static PixelImage detail(PixelImage image, PixelImage input) {
        int scale = Math.max(1, image.width() / input.width());
        int side = Math.min(DETAIL, Math.min(input.width(), input.height()));
        int x0 = (input.width() - side) / 2;
        int y0 = (input.height() - side) / 2;
        return image.view(new Region(x0 * scale, y0 * scale, side * scale, side * scale));
    }

    void addResult(Sample sample, Result r) throws LoupeException {
        Entry e = entries.get(sample.fileName());
        String preview = previewName(sample, r.provider().id());
        ImageFiles.write(e.window.toDisplay(r.output()), dir.resolve(preview), ImageFormat.PNG);
        String detail = detailName(sample, r.provider().id());
        ImageFiles.write(e.window.toDisplay(detail(r.output(), e.input)), dir.resolve(detail), ImageFormat.PNG);
        ImageFormat format = r.output().type().pixelType() == PixelType.UINT8 ? ImageFormat.PNG : ImageFormat.TIFF;
        String full = "outputs/" + stem(sample) + "--" + r.provider().id() + "." + format.extension();
        ImageFiles.write(r.output(), dir.resolve(full), format);
        String info = r.output().type() + " " + r.output().width() + "x" + r.output().height();
        e.rows.add(new Row(r.provider(), r.parameters(), info, preview, detail, full, r.millis(), r.quality(), ""));
    }

    void addFailure(Sample sample, ProviderDescriptor provider, String message) {
        entries.get(sample.fileName()).rows.add(new Row(provider, Map.of(), "", "", "", "", Double.NaN, "",
                message));
    }

    /** Appends a section of HTML after the samples (the PCB inspection section). */
    void addSection(String sectionHtml) {
        extraHtml.append(sectionHtml);
    }

    int resultCount() {
        return (int) rows().filter(r -> r.failure().isEmpty()).count();
    }

    int failureCount() {
        return (int) rows().filter(r -> !r.failure().isEmpty()).count();
    }

    private java.util.stream.Stream<Row> rows() {
        return entries.values().stream().flatMap(e -> e.rows.stream());
    }

    /** Writes index.html and results.json atomically and returns the index path. */
    Path write() throws LoupeException {
        Path index = dir.resolve("index.html");
        try {
            AtomicFiles.writeString(dir.resolve("results.json"), Json.GSON.toJson(asJson()));
            AtomicFiles.writeString(index, html());
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot write the report (" + e.getMessage() + ")", e);
        }
        return index;
    }

    List<Map<String, Object>> asJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            for (Row r : e.rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sample", e.sample.fileName());
                m.put("inputType", e.input.type().toString());
                m.put("provider", r.provider().id());
                m.put("version", r.provider().version());
                m.put("parameters", r.parameters());
                m.put("output", r.fullOutput());
                m.put("millis", r.millis());
                m.put("quality", r.quality());
                m.put("failure", r.failure());
                list.add(m);
            }
        }
        return list;
    }

    private String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Loupe demo</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:6px;vertical-align:top;text-align:left}")
                .append("img{width:256px;image-rendering:pixelated}.fail{color:#b00}.meta{color:#666}</style>")
                .append("</head><body>\n<h1>Loupe demo</h1>\n<p class=\"meta\">")
                .append(esc(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))).append(" &middot; Java ")
                .append(esc(Runtime.version().toString())).append(" &middot; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors. Times are the median of ")
                .append("three runs after a warm-up, with default parameters. Quality of a x2 enhancer: the sample ")
                .append("is shrunk by 2 (MATLAB bicubic), enlarged again by the enhancer and compared with itself ")
                .append("(PSNR and SSIM on luma, 2 pixels shaved); where a sample comes with a reference image ")
                .append("(a longer ")
                .append("exposure), outputs are measured against it. Details: the centre ").append(DETAIL)
                .append("x").append(DETAIL).append(" input pixels.</p>\n");
        for (Entry e : entries.values()) {
            h.append("<h2>").append(esc(e.sample.fileName())).append("</h2>\n<p>").append(esc(e.sample.description()))
                    .append(" &middot; ").append(e.input.type()).append(' ').append(e.input.width()).append('x')
                    .append(e.input.height()).append(" &middot; display window ")
                    .append(fmt(e.window.low())).append("&ndash;").append(fmt(e.window.high())).append("</p>\n")
                    .append("<table><tr><th>Enhancer</th><th>Parameters</th><th>Output</th><th>Time</th>")
                    .append("<th>Quality</th><th>Before</th><th>After</th><th>Detail before</th>")
                    .append("<th>Detail after</th></tr>\n");
            String before = previewName(e.sample, null);
            String beforeDetail = detailName(e.sample, null);
            for (Row r : e.rows) {
                h.append("<tr><td><b>").append(esc(r.provider().name())).append("</b><br>")
                        .append(esc(r.provider().id())).append(' ').append(esc(r.provider().version()))
                        .append("</td><td>").append(esc(r.parameters().toString())).append("</td>");
                if (!r.failure().isEmpty()) {
                    h.append("<td colspan=\"7\" class=\"fail\">failed: ").append(esc(r.failure()))
                            .append("</td></tr>\n");
                    continue;
                }
                h.append("<td><a href=\"").append(esc(r.fullOutput())).append("\">").append(esc(r.outputInfo()))
                        .append("</a></td><td>").append(String.format(Locale.ROOT, "%.1f ms", r.millis()))
                        .append("</td><td>").append(r.quality().isEmpty() ? "&ndash;" : esc(r.quality()))
                        .append("</td><td><img src=\"").append(esc(before)).append("\" alt=\"input\"></td>")
                        .append("<td><img src=\"").append(esc(r.preview())).append("\" alt=\"output\"></td>")
                        .append("<td><img src=\"").append(esc(beforeDetail)).append("\" alt=\"input detail\"></td>")
                        .append("<td><img src=\"").append(esc(r.detail())).append("\" alt=\"output detail\"></td>")
                        .append("</tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append(extraHtml).append("</body></html>\n").toString();
    }

    private static String previewName(Sample sample, String providerId) {
        return "images/" + stem(sample) + (providerId == null ? "" : "--" + providerId) + ".png";
    }

    private static String detailName(Sample sample, String providerId) {
        return "images/" + stem(sample) + (providerId == null ? "" : "--" + providerId) + "--detail.png";
    }

    private static String stem(Sample sample) {
        String n = sample.fileName();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
