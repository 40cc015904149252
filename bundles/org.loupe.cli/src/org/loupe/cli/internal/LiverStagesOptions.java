package org.loupe.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.Segmenter;
import org.loupe.pipeline.liver.LiverFindings;
import org.loupe.registry.ProviderHandle;
import picocli.CommandLine.Option;

/**
 * The stages before lesion classification, as options shared by {@code data lesion-patches} and
 * {@code eval lesions}: they must match what the classifier was trained on and what the pipeline runs.
 */
final class LiverStagesOptions {

    @Option(names = "--segmenter", paramLabel = "ID", defaultValue = "segment.liver.em", description = "The liver "
            + "segmenter (default ${DEFAULT-VALUE}).")
    String segmenter;

    @Option(names = "--denoise", paramLabel = "ID", description = "An enhancer run on each volume first, as the "
            + "liver pipeline's first step (e.g. enhance.median).")
    String denoiser;

    @Option(names = "--denoise-param", paramLabel = "KEY=VALUE", description = "A parameter of the denoiser, e.g. "
            + "depth=3; repeatable.")
    Map<String, String> denoiserParams = new LinkedHashMap<>();

    /** The stages, with every provider looked up and the denoiser's parameters bound. */
    LiverFindings.Stages stages(Session session) throws LoupeException {
        ProviderHandle<Segmenter> s = session.registry().provider(segmenter, Segmenter.class);
        if (denoiser == null) {
            if (!denoiserParams.isEmpty()) {
                throw LoupeException.usage("--denoise-param needs --denoise ID");
            }
            return new LiverFindings.Stages(null, Parameters.none(), s);
        }
        ProviderHandle<ImageEnhancer> e = session.registry().provider(denoiser, ImageEnhancer.class);
        return new LiverFindings.Stages(e, Parameters.bind(e.call(LoupeService::parameters), denoiserParams), s);
    }
}
