package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.MetricValue;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe measure}: one metric for one image against its reference. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Measure an image against a reference with a metric (psnr, ssim, dice, iou, hausdorff, ...).")
final class MeasureCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--metric", required = true, paramLabel = "ID",
            description = "Metric id, or its short name (psnr for metric.psnr).")
    private String metric;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter of the metric.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "IMAGE", description = "The image to judge.")
    private Path image;

    @picocli.CommandLine.Parameters(index = "1", paramLabel = "REFERENCE",
            description = "The reference (ground truth) image.")
    private Path reference;

    MeasureCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        String id = resolve(metric);
        ProviderHandle<ImageMetric> handle = session.registry().provider(id, ImageMetric.class);
        Parameters bound = Parameters.bind(handle.call(LoupeService::parameters), params);
        PixelImage img = ImageFiles.read(image, session.readOptions());
        PixelImage ref = ImageFiles.read(reference, session.readOptions());
        MetricValue v = handle.call(m -> m.measure(img, ref, ProcessingContext.of(bound)));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", v.metric());
            m.put("provider", Map.of("id", id, "version", handle.descriptor().version()));
            m.put("parameters", bound.asText());
            m.put("image", image.toString());
            m.put("reference", reference.toString());
            m.put("value", v.value());
            m.put("unit", v.unit());
            m.put("parts", v.parts());
            session.out().println(Json.GSON.toJson(m));
        } else {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %.4f%s", v.metric(), v.value(),
                    v.unit().isEmpty() ? "" : " " + v.unit()));
            v.parts().forEach((k, x) -> line.append(String.format(Locale.ROOT, "  %s %.4f", k, x)));
            session.out().println(line);
        }
        return 0;
    }

    /** An exact id wins; otherwise "psnr" means the metric provider whose id ends in ".psnr". */
    private String resolve(String name) {
        return session.registry().providers(ProviderKind.METRIC).stream().map(s -> s.descriptor().id())
                .filter(i -> i.equals(name)).findFirst()
                .or(() -> session.registry().providers(ProviderKind.METRIC).stream().map(s -> s.descriptor().id())
                        .filter(i -> i.endsWith("." + name)).findFirst())
                .orElse(name);
    }
}
