package org.loupe.data.xray;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.internal.Staging;
import org.loupe.image.io.AtomicFiles;

/**
 * Creates the simulated low-dose X-ray data set as a whole: the frames of {@link XrayDataset#write} plus a
 * {@code simulation.json} describing how they were made, simulated into a sibling folder and moved into place at the
 * end, so an interrupted run never leaves half a data set where one is expected. Writes only into a new or empty
 * folder.
 */
public final class XraySimulation {

    /**
     * A finished data set.
     *
     * @param summary     per type: frame counts and the noise of each exposure
     * @param description what {@code simulation.json} holds
     */
    public record Result(List<XrayDataset.TypeSummary> summary, Map<String, Object> description) {
    }

    private XraySimulation() {
    }

    /**
     * The frame counts per type from names and numbers ({@code S1=40}); empty gives the defaults.
     *
     * @throws LoupeException USAGE for an unknown type or a count outside 2..100000
     */
    public static Map<XrayType, Integer> counts(Map<String, Integer> given) throws LoupeException {
        Map<XrayType, Integer> n = XrayDataset.defaultCounts();
        if (given.isEmpty()) {
            return n;
        }
        n.clear();
        for (Map.Entry<String, Integer> e : given.entrySet()) {
            XrayType t;
            try {
                t = XrayType.of(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw LoupeException.usage(ex.getMessage());
            }
            if (e.getValue() < 2 || e.getValue() > 100_000) {
                throw LoupeException.usage("count of " + e.getKey() + " must be 2..100000 (a train and a test frame "
                        + "at least)");
            }
            n.put(t, e.getValue());
        }
        return n;
    }

    /**
     * Simulates the data set into {@code out}.
     *
     * @param templates a folder holding DeepPCB template images anywhere below it
     * @throws LoupeException USAGE if {@code out} is not new or empty; INPUT if no templates are found or a file
     *                        cannot be written
     */
    public static Result create(Path out, Path templates, Map<XrayType, Integer> counts, long seed,
            ProcessingContext ctx) throws LoupeException {
        Path work = Staging.begin(out);
        List<XrayDataset.TypeSummary> summary = XrayDataset.write(work, templates, counts, seed, ctx);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("generator", "loupe data xray");
        d.put("seed", seed);
        d.put("exposures", Map.of("lq", XrayType.LQ_SECONDS + " s", "hq", XrayType.HQ_SECONDS + " s"));
        d.put("types", List.of(XrayType.all()));
        Map<String, Object> mu = new LinkedHashMap<>();
        for (Material m : Material.values()) {
            mu.put(m.name(), Map.of("40keV", m.mu(40), "60keV", m.mu(60), "80keV", m.mu(80)));
        }
        d.put("attenuationPerMm", mu);
        d.put("summary", summary);
        try {
            AtomicFiles.writeString(work.resolve("simulation.json"), new GsonBuilder().setPrettyPrinting()
                    .disableHtmlEscaping().create().toJson(d));
            Staging.finish(work, out);
        } catch (IOException e) {
            throw LoupeException.badInput(out.toString(), "cannot finish the data set (" + e.getMessage() + "); "
                    + "it is in " + work, e);
        }
        return new Result(summary, d);
    }
}
