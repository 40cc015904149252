package org.loupe.demo.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.metrics.image.ImageComparison;
import org.loupe.metrics.image.Psnr;
import org.loupe.metrics.image.Ssim;
import org.loupe.metrics.image.SuperResolutionProtocol;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;

/** Runs one enhancer on one sample as the demo shows it: default parameters, timed, its quality measured. */
public final class EnhancerRuns {

    private static final int TIMED_RUNS = 3;

    /**
     * One enhancer's run on one sample.
     *
     * @param millis  median time of the timed runs
     * @param quality measured quality against a reference, or empty where there is none
     */
    public record Result(ProviderDescriptor provider, Map<String, String> parameters, PixelImage output,
            double millis, String quality) {
    }

    private final ProviderRegistry registry;

    /** Runs the registry's enhancers. */
    public EnhancerRuns(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** Runs the enhancer after a warm-up (class loading and JIT) and keeps the median of three timed runs. */
    public Result run(String id, PixelImage input, PixelImage reference) throws LoupeException {
        ProviderHandle<ImageEnhancer> handle = registry.provider(id, ImageEnhancer.class);
        Parameters parameters = Parameters.defaults(handle.call(LoupeService::parameters));
        ProcessingContext ctx = ProcessingContext.of(parameters);
        PixelImage output = handle.call(e -> e.enhance(input, ctx));
        long[] nanos = new long[TIMED_RUNS];
        for (int i = 0; i < TIMED_RUNS; i++) {
            long start = System.nanoTime();
            output = handle.call(e -> e.enhance(input, ctx));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Result(handle.descriptor(), parameters.asText(), output, nanos[TIMED_RUNS / 2] / 1e6,
                reference == null ? quality(handle, ctx, input, output) : quality(input, output, reference));
    }

    /** PSNR and SSIM of input and output against the sample's reference image, where they have its size. */
    private static String quality(PixelImage input, PixelImage output, PixelImage reference) throws LoupeException {
        if (output.width() != reference.width() || output.height() != reference.height()
                || output.type() != reference.type()) {
            return "";
        }
        ImageComparison how = new ImageComparison(ImageComparison.Channels.ALL, 0, 0);
        return String.format(Locale.ROOT, "against the reference: %.2f dB, SSIM %.4f (input %.2f dB, %.4f)",
                Psnr.of(output, reference, how), Ssim.of(output, reference, how), Psnr.of(input, reference, how),
                Ssim.of(input, reference, how));
    }

    /**
     * For a x2 enhancer on an 8-bit sample, the published super-resolution protocol with the sample as its own
     * reference; empty otherwise.
     */
    private static String quality(ProviderHandle<ImageEnhancer> handle, ProcessingContext ctx, PixelImage input,
            PixelImage output) throws LoupeException {
        boolean x2 = output.width() == 2 * input.width() && output.height() == 2 * input.height();
        if (!x2 || input.type().pixelType() != PixelType.UINT8
                || !handle.descriptor().accepts(ImageType.GRAY_F32)) {
            return "";
        }
        SuperResolutionProtocol.Pair pair = SuperResolutionProtocol.prepare(input, 2);
        PixelImage sr = handle.call(e -> e.enhance(pair.lowResolution(), ctx));
        SuperResolutionProtocol.Score s = SuperResolutionProtocol.score(sr, pair);
        return String.format(Locale.ROOT, "x2 of its /2 copy: %.2f dB, SSIM %.4f", s.psnr(), s.ssim());
    }
}
