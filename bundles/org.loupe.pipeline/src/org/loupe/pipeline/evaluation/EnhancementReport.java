package org.loupe.pipeline.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.xray.XrayDataset;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.metrics.image.ImageComparison;
import org.loupe.metrics.image.Psnr;
import org.loupe.metrics.image.Ssim;
import org.loupe.registry.ProviderHandle;

/**
 * An enhancer scored on pairs of a degraded and a reference image (the LQ and HQ exposures of {@code loupe data
 * xray}, or any {@code lq/} + {@code hq/} folders), per image type: PSNR and SSIM of the input and of the output
 * against the reference, as in Shim, Kim et al.'s Table I. PSNR peak and SSIM range follow the bit depth.
 *
 * @param types   one row per image type, in the order met
 * @param average the rows' unweighted mean (each type counts once, as in the paper)
 */
public record EnhancementReport(List<Row> types, Row average) {

    /**
     * One type's means.
     *
     * @param millisPerImage the enhancer's mean time per image, NaN for the average row
     */
    public record Row(String type, int pairs, double inputPsnr, double outputPsnr, double inputSsim,
            double outputSsim, double millisPerImage) {
    }

    /**
     * Enhances each LQ image and scores input and output against its HQ counterpart.
     *
     * @param limit at most this many pairs per type (0: all)
     */
    public static EnhancementReport evaluate(ProviderHandle<ImageEnhancer> enhancer, ProcessingContext ctx,
            Path dataset, String split, int limit, ReadOptions read) throws LoupeException {
        ImageComparison how = new ImageComparison(ImageComparison.Channels.ALL, 0, 0);
        Map<String, double[]> sums = new LinkedHashMap<>(); // n, psnr in, psnr out, ssim in, ssim out, millis
        for (XrayDataset.Pair pair : XrayDataset.pairs(dataset, split)) {
            double[] t = sums.computeIfAbsent(pair.type(), k -> new double[6]);
            if (limit > 0 && t[0] >= limit) {
                continue;
            }
            PixelImage lq = ImageFiles.read(pair.lq(), read);
            PixelImage hq = ImageFiles.read(pair.hq(), read);
            long t0 = System.nanoTime();
            PixelImage out = enhancer.call(e -> e.enhance(lq, ctx));
            t[5] += (System.nanoTime() - t0) / 1e6;
            t[1] += Psnr.of(lq, hq, how);
            t[2] += Psnr.of(out, hq, how);
            t[3] += Ssim.of(lq, hq, how);
            t[4] += Ssim.of(out, hq, how);
            t[0]++;
        }
        List<Row> rows = new ArrayList<>();
        double[] avg = new double[4];
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] t = e.getValue();
            double n = t[0];
            rows.add(new Row(e.getKey(), (int) n, t[1] / n, t[2] / n, t[3] / n, t[4] / n, t[5] / n));
            for (int i = 0; i < 4; i++) {
                avg[i] += t[i + 1] / n / sums.size();
            }
        }
        return new EnhancementReport(rows, new Row("average", rows.stream().mapToInt(Row::pairs).sum(), avg[0],
                avg[1], avg[2], avg[3], Double.NaN));
    }

    /** The scores as nested maps and lists, for JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("types", types);
        m.put("average", Map.of("inputPsnr", average.inputPsnr(), "outputPsnr", average.outputPsnr(), "inputSsim",
                average.inputSsim(), "outputSsim", average.outputSsim()));
        return m;
    }
}
