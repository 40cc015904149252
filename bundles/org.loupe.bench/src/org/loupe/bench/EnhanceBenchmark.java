package org.loupe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.bench.internal.Timing;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ReadOptions;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.samples.SampleImages;

/**
 * Throughput of the learned enhancers on this machine, in output megapixels per second, with bicubic interpolation
 * timed in the same run as the reference, next to each network's size and bit widths. The input is the X-ray
 * sample, mirrored at every seam up to the asked size.
 */
public final class EnhanceBenchmark {

    /** One timed configuration, with the network's published size for the table. */
    private record Case(String id, Map<String, String> params, String weights, String bits) {
    }

    /**
     * One configuration's figures.
     *
     * @param timeOverBicubic its median time over bicubic's (the first row)
     */
    public record Row(String enhancer, Map<String, String> parameters, String weights, String bits,
            double medianMillis, double outputMegapixelsPerSecond, double timeOverBicubic) {
    }

    private static final List<Case> CASES = List.of(
            new Case("enhance.bicubic", Map.of("scale", "2"), "-", "-"),
            new Case("enhance.srq", Map.of("precision", "fixed"), "2,496 (paper: 2.56K)", "10 / 14"),
            new Case("enhance.srq", Map.of("precision", "float"), "2,496 (paper: 2.56K)", "64 / 64"),
            new Case("enhance.xray", Map.of(), "145,680 (paper: not given)", "32 / 32"));

    private EnhanceBenchmark() {
    }

    /** The benchmark's input: the X-ray sample tiled to {@code size x size}. */
    public static PixelImage input(int size) throws LoupeException {
        return tiled(SampleImages.read(SampleImages.named("xray-board.tif"), ReadOptions.defaults()), size);
    }

    /**
     * Times each installed configuration on the input: a warm-up run (class loading, JIT, model loading), then the
     * median of {@code runs}.
     *
     * @param notes hears which enhancers are not installed
     */
    public static List<Row> run(ProviderRegistry registry, PixelImage input, int runs, Consumer<String> notes)
            throws LoupeException {
        List<Row> rows = new ArrayList<>();
        double reference = 0;
        for (Case c : CASES) {
            if (registry.providers().stream().noneMatch(s -> s.descriptor().id().equals(c.id()))) {
                notes.accept(c.id() + " is not installed; skipped");
                continue;
            }
            ProviderHandle<ImageEnhancer> h = registry.provider(c.id(), ImageEnhancer.class);
            ProcessingContext ctx = ProcessingContext.of(Parameters.bind(h.call(LoupeService::parameters),
                    c.params()));
            PixelImage out = h.call(e -> e.enhance(input, ctx));
            double ms = Timing.timed(() -> h.call(e -> e.enhance(input, ctx)), runs);
            reference = reference == 0 ? ms : reference;
            rows.add(new Row(c.id(), c.params(), c.weights(), c.bits(), ms, out.pixelCount() / 1e6 / (ms / 1e3),
                    ms / reference));
        }
        return rows;
    }

    /** The image repeated, mirrored at every seam so no artificial edges appear, to {@code n x n}. */
    private static PixelImage tiled(PixelImage img, int n) {
        PixelImage out = PixelImage.create(img.type(), n, n);
        int w = img.width();
        int h = img.height();
        for (int y = 0; y < n; y++) {
            int sy = (y / h) % 2 == 0 ? y % h : h - 1 - y % h;
            for (int x = 0; x < n; x++) {
                int sx = (x / w) % 2 == 0 ? x % w : w - 1 - x % w;
                for (int b = 0; b < img.bands(); b++) {
                    out.setFloat(x, y, b, img.getFloat(sx, sy, b));
                }
            }
        }
        return out.withMetadata(img.metadata());
    }
}
