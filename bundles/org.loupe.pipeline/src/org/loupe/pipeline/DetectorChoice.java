package org.loupe.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.loupe.api.DefectDetector;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;

/**
 * The detector a job runs: the one asked for when it can run, else {@value #FALLBACK} with its untrained rules and
 * one warning naming why, so that a line keeps inspecting when a learned backend's model or native library is
 * missing. Without fallback the job stops with a PROVIDER failure (exit 4) instead. Decided once, before any image
 * is read, by the detector's {@link DefectDetector#prepare}. Usage errors (an unknown id, a bad parameter) are never
 * covered up by a fallback.
 *
 * @param handle     the detector that will run
 * @param parameters its parameters, bound
 * @param fellBack   why the one asked for could not run, or null when it runs
 */
public record DetectorChoice(ProviderHandle<DefectDetector> handle, Parameters parameters, String fellBack) {

    /** The backend that needs no model, native library or device beyond Java. */
    public static final String FALLBACK = "detect.classic";

    /**
     * The detector {@code id} with {@code params} if it can run, else the fallback (when {@code fallback} allows
     * and {@code id} is not the fallback itself), after one line to {@code warnings}.
     *
     * @throws LoupeException USAGE for an unknown parameter or bad value; PROVIDER for an unknown detector, or one
     *                        that cannot run when there is no fallback
     */
    public static DetectorChoice choose(ProviderRegistry registry, String id, Map<String, String> params,
            boolean fallback, Consumer<String> warnings) throws LoupeException {
        ProviderHandle<DefectDetector> h = registry.provider(id, DefectDetector.class);
        return choose(registry, h, Parameters.bind(h.call(LoupeService::parameters), params), fallback, warnings);
    }

    /** {@link #choose(ProviderRegistry, String, Map, boolean, Consumer)} for a detector and parameters in hand. */
    public static DetectorChoice choose(ProviderRegistry registry, ProviderHandle<DefectDetector> h, Parameters bound,
            boolean fallback, Consumer<String> warnings) throws LoupeException {
        String id = h.descriptor().id();
        String why = whyNot(h, bound);
        if (why == null) {
            return new DetectorChoice(h, bound, null);
        }
        if (!fallback || id.equals(FALLBACK)) {
            throw LoupeException.provider(id, "cannot run: " + why, null);
        }
        warnings.accept(id + " cannot run (" + why + "); detecting with " + FALLBACK + " instead (--no-fallback "
                + "stops here)");
        ProviderHandle<DefectDetector> classic = registry.provider(FALLBACK, DefectDetector.class);
        return new DetectorChoice(classic, Parameters.defaults(classic.call(LoupeService::parameters)), why);
    }

    /**
     * The pipeline with its detect step (if any) settled by {@link #choose}: a step whose detector cannot run is
     * replaced by the fallback, which the run's records then name.
     */
    public static Pipeline settle(Pipeline pipeline, ProviderRegistry registry, boolean fallback,
            Consumer<String> warnings) throws LoupeException {
        List<Step> steps = new ArrayList<>();
        for (Step s : pipeline.steps()) {
            if (s instanceof Step.Detect d && choose(registry, d.provider(), d.params(), fallback, warnings)
                    .fellBack() != null) {
                steps.add(new Step.Detect(FALLBACK, Map.of(), d.reference(), d.scoreThreshold(), d.truth()));
            } else {
                steps.add(s);
            }
        }
        return new Pipeline(pipeline.name(), pipeline.match(), pipeline.paths(), steps, pipeline.format(),
                pipeline.images(), pipeline.source(), pipeline.volumes());
    }

    /** Why the detector cannot run with these parameters, or null when it can. */
    private static String whyNot(ProviderHandle<DefectDetector> h, Parameters bound) throws LoupeException {
        try {
            h.call(d -> {
                d.prepare(bound);
                return null;
            });
            return null;
        } catch (LoupeException e) {
            if (e.reason() != LoupeException.Reason.PROVIDER && e.reason() != LoupeException.Reason.INPUT) {
                throw e;
            }
            // the handle's message names the provider already; the warning names it once
            String prefix = "provider '" + h.descriptor().id() + "' ";
            return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        }
    }
}
