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

    @Option(names = "--denoise", paramLabel = "ID", defaultValue = "enhance.median", description = "An enhancer run "
            + "on each volume first, as the liver pipeline's first step, or 'none' (default ${DEFAULT-VALUE}; the "
            + "shipped lesion classifier was trained on patches of volumes denoised so).")
    String denoiser;

    @Option(names = "--denoise-param", paramLabel = "KEY=VALUE", description = "A parameter of the denoiser; "
            + "repeatable (default for enhance.median: size=3, depth=3, the 3x3x3 median).")
    Map<String, String> denoiserParams = new LinkedHashMap<>();

    /** The stages, with every provider looked up and the denoiser's parameters bound. */
    LiverFindings.Stages stages(Session session) throws LoupeException {
        ProviderHandle<Segmenter> s = session.registry().provider(segmenter, Segmenter.class);
        if (denoiser.equals("none")) {
            if (!denoiserParams.isEmpty()) {
                throw LoupeException.usage("--denoise-param needs a denoiser, not --denoise none");
            }
            return new LiverFindings.Stages(null, Parameters.none(), s);
        }
        Map<String, String> given = new LinkedHashMap<>(denoiserParams);
        if (denoiser.equals("enhance.median") && given.isEmpty()) {
            given.put("size", "3");
            given.put("depth", "3");
        }
        ProviderHandle<ImageEnhancer> e = session.registry().provider(denoiser, ImageEnhancer.class);
        return new LiverFindings.Stages(e, Parameters.bind(e.call(LoupeService::parameters), given), s);
    }
}
