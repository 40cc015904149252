package org.loupe.pipeline.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.numerics.noise.NoiseAccumulator;
import org.loupe.numerics.noise.NoiseStats;
import org.loupe.pipeline.OutputPlan;

/**
 * The noise analysis of Shim, Kim et al.: for each set of noisy/clean pairs (matched by file name), the distribution
 * of clean minus noisy over all pixels, the Gaussian fitted to it by moments and the Kolmogorov-Smirnov distance of
 * the fit.
 *
 * @param sets  one result per set of pairs
 * @param pairs one result per pair, when asked for (else empty)
 */
public record NoiseReport(List<NoiseStats> sets, List<NoiseStats> pairs) {

    /**
     * Analyses each noisy folder against the clean folder at the same position.
     *
     * @param perImage also analyse every pair on its own
     * @throws LoupeException INPUT for a missing folder or counterpart, or images that do not match
     */
    public static NoiseReport analyse(List<Path> noisy, List<Path> clean, boolean perImage, ReadOptions read)
            throws LoupeException {
        if (noisy.size() != clean.size()) {
            throw LoupeException.usage("give one clean folder for every noisy folder (" + noisy.size() + " noisy, "
                    + clean.size() + " clean)");
        }
        List<NoiseStats> sets = new ArrayList<>();
        List<NoiseStats> pairs = new ArrayList<>();
        for (int i = 0; i < noisy.size(); i++) {
            sets.add(analyse(noisy.get(i), clean.get(i), perImage ? pairs : null, read));
        }
        return new NoiseReport(sets, pairs);
    }

    private static NoiseStats analyse(Path noisyDir, Path cleanDir, List<NoiseStats> pairs, ReadOptions read)
            throws LoupeException {
        List<Path> files = OutputPlan.expand(List.of(noisyDir));
        if (!Files.isDirectory(noisyDir) || files.isEmpty()) {
            throw LoupeException.badInput(noisyDir.toString(), Files.isDirectory(noisyDir)
                    ? "holds no images" : "is not a folder");
        }
        NoiseAccumulator set = null;
        for (Path n : files) {
            Path c = cleanDir.resolve(n.getFileName().toString());
            if (!Files.exists(c)) {
                throw LoupeException.badInput(c.toString(), "no clean counterpart for " + n);
            }
            PixelImage ni = ImageFiles.read(n, read);
            PixelImage ci = ImageFiles.read(c, read);
            if (set == null) {
                set = new NoiseAccumulator(noisyDir.toString(), NoiseAccumulator.binWidthFor(ni));
            }
            try {
                set.add(ni, ci);
                if (pairs != null) {
                    NoiseAccumulator one = new NoiseAccumulator(n.getFileName().toString(),
                            NoiseAccumulator.binWidthFor(ni));
                    one.add(ni, ci);
                    pairs.add(one.result());
                }
            } catch (IllegalArgumentException e) {
                throw LoupeException.badInput(n.toString(), e.getMessage() + " (against " + c + ")", e);
            }
        }
        return set.result();
    }

    /** The results as nested maps and lists, for JSON (histograms left out). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("difference", "clean - noisy");
        m.put("sets", sets.stream().map(NoiseReport::asMap).toList());
        if (!pairs.isEmpty()) {
            m.put("pairs", pairs.stream().map(NoiseReport::asMap).toList());
        }
        return m;
    }

    private static Map<String, Object> asMap(NoiseStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("pairs", s.pairs());
        m.put("pixels", s.fit().count());
        m.put("mean", s.fit().mean());
        m.put("sigma", s.fit().sigma());
        m.put("ks", s.fit().ksDistance());
        return m;
    }
}
