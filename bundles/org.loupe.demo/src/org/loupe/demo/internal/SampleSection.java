package org.loupe.demo.internal;

import java.nio.file.Path;
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
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.report.Html;
import org.loupe.samples.Sample;

/**
 * One sample's part of the demo report: each enhancer's output beside the input, with parameters, timing and
 * quality. 16-bit and float images are shown through the input's automatic window (0.5 to 99.5 percentile), so
 * before and after are directly comparable; the full-depth outputs are saved next to the report.
 */
public final class SampleSection {

    /** Side, in input pixels, of the centre crop shown at full resolution. */
    private static final int DETAIL = 64;

    /** How to read the report's figures, for its head. */
    public static final String EXPLANATION = "Times are the median of three runs after a warm-up, with default "
            + "parameters. Quality of a x2 enhancer: the sample is shrunk by 2 (MATLAB bicubic), enlarged again by "
            + "the enhancer and compared with itself (PSNR and SSIM on luma, 2 pixels shaved); where a sample comes "
            + "with a reference image (a longer exposure), outputs are measured against it. Details: the centre "
            + DETAIL + "x" + DETAIL + " input pixels.";

    private record Row(ProviderDescriptor provider, Map<String, String> parameters, String outputInfo,
            String preview, String detail, String fullOutput, double millis, String quality, String failure) {
    }

    private final Path dir;
    private final Sample sample;
    private final PixelImage input;
    private final WindowLevel window;
    private final List<Row> rows = new ArrayList<>();

    /** The section of one sample; writes the input's preview and detail into {@code dir}. */
    public SampleSection(Path dir, Sample sample, PixelImage input) throws LoupeException {
        this.dir = dir;
        this.sample = sample;
        this.input = input;
        this.window = input.type().pixelType() == PixelType.UINT8 ? WindowLevel.fullRange(PixelType.UINT8)
                : WindowLevel.auto(input, 0.5, 99.5);
        ImageFiles.write(window.toDisplay(input), dir.resolve(previewName(null)), ImageFormat.PNG);
        ImageFiles.write(window.toDisplay(detail(input)), dir.resolve(detailName(null)), ImageFormat.PNG);
    }

    /** The centre crop of {@code image} covering the centre {@link #DETAIL} pixels of the input. */
    private PixelImage detail(PixelImage image) {
        int scale = Math.max(1, image.width() / input.width());
        int side = Math.min(DETAIL, Math.min(input.width(), input.height()));
        int x0 = (input.width() - side) / 2;
        int y0 = (input.height() - side) / 2;
        return image.view(new Region(x0 * scale, y0 * scale, side * scale, side * scale));
    }

    /** Adds a run, writing its preview, detail and full-depth output. */
    public void add(EnhancerRuns.Result r) throws LoupeException {
        String id = r.provider().id();
        ImageFiles.write(window.toDisplay(r.output()), dir.resolve(previewName(id)), ImageFormat.PNG);
        ImageFiles.write(window.toDisplay(detail(r.output())), dir.resolve(detailName(id)), ImageFormat.PNG);
        ImageFormat format = r.output().type().pixelType() == PixelType.UINT8 ? ImageFormat.PNG : ImageFormat.TIFF;
        String full = "outputs/" + stem() + "--" + id + "." + format.extension();
        ImageFiles.write(r.output(), dir.resolve(full), format);
        String info = r.output().type() + " " + r.output().width() + "x" + r.output().height();
        rows.add(new Row(r.provider(), r.parameters(), info, previewName(id), detailName(id), full, r.millis(),
                r.quality(), ""));
    }

    /** Adds a run that failed. */
    public void addFailure(ProviderDescriptor provider, String message) {
        rows.add(new Row(provider, Map.of(), "", "", "", "", Double.NaN, "", message));
    }

    /** Appends the section to the page. */
    public void render(Html page) {
        page.heading(sample.fileName()).paragraph(sample.description() + " · " + input.type() + " " + input.width()
                + "x" + input.height() + " · display window " + fmt(window.low()) + "–" + fmt(window.high()));
        List<List<?>> table = new ArrayList<>();
        for (Row r : rows) {
            Html.Cell who = Html.Cell.lines(List.of(r.provider().name(), r.provider().id() + " "
                    + r.provider().version()));
            if (!r.failure().isEmpty()) {
                table.add(List.of(who, r.parameters().toString(), Html.Cell.styled("fail", "failed: " + r.failure()),
                        "", "", "", "", "", ""));
                continue;
            }
            table.add(List.of(who, r.parameters().toString(), Html.Cell.link(r.fullOutput(), r.outputInfo()),
                    String.format(Locale.ROOT, "%.1f ms", r.millis()), r.quality().isEmpty() ? "–" : r.quality(),
                    Html.Cell.thumbnail(previewName(null), "input"), Html.Cell.thumbnail(r.preview(), "output"),
                    Html.Cell.thumbnail(detailName(null), "input detail"),
                    Html.Cell.thumbnail(r.detail(), "output detail")));
        }
        page.table(List.of("Enhancer", "Parameters", "Output", "Time", "Quality", "Before", "After", "Detail before",
                "Detail after"), table);
    }

    /** The runs as written to {@code results.json}. */
    public List<Map<String, Object>> asJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sample", sample.fileName());
            m.put("inputType", input.type().toString());
            m.put("provider", r.provider().id());
            m.put("version", r.provider().version());
            m.put("parameters", r.parameters());
            m.put("output", r.fullOutput());
            m.put("millis", r.millis());
            m.put("quality", r.quality());
            m.put("failure", r.failure());
            list.add(m);
        }
        return list;
    }

    private String previewName(String providerId) {
        return "images/" + stem() + (providerId == null ? "" : "--" + providerId) + ".png";
    }

    private String detailName(String providerId) {
        return "images/" + stem() + (providerId == null ? "" : "--" + providerId) + "--detail.png";
    }

    private String stem() {
        String n = sample.fileName();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
