package org.loupe.data.xray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.GrayF32;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;

/**
 * Writes a simulated low-dose X-ray dataset laid out like Shim, Kim et al.'s: {@code TYPE/train|test/lq|hq/NAME.tif},
 * 16-bit frames of the same object at 5 s (LQ) and 90 s (HQ), split by the paper's ratios. Copper masks come from
 * DeepPCB template images ({@code *_temp.jpg}), which are only read.
 */
public final class XrayDataset {

    /** What was written for one type: frame counts and the noise of each exposure against the noise-free frame. */
    public record TypeSummary(String type, int train, int test, double lqPsnr, double hqPsnr, double lqVsHqPsnr) {
    }

    private XrayDataset() {
    }

    /**
     * Simulates {@code count} frames of each type.
     *
     * @param pcbFolder a folder holding DeepPCB template images anywhere below it
     * @throws LoupeException INPUT if no template images are found or a file cannot be written
     */
    public static List<TypeSummary> write(Path out, Path pcbFolder, Map<XrayType, Integer> counts, long seed,
            ProcessingContext ctx) throws LoupeException {
        List<Path> templates = templates(pcbFolder);
        List<TypeSummary> summaries = new ArrayList<>();
        int done = 0;
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<XrayType, Integer> e : counts.entrySet()) {
            XrayType type = e.getKey();
            int n = e.getValue();
            int train = (int) Math.round(n * type.trainShare());
            double[] se = new double[3];
            for (int i = 0; i < n; i++) {
                ctx.checkCancelled();
                ctx.progress((double) done++ / total, "simulating " + type.name() + " frame " + (i + 1) + "/" + n);
                SplittableRandom r = new SplittableRandom(seed * 7919 + type.name().hashCode() * 31L + i);
                GrayU8 mask = grey(ImageFiles.read(templates.get(r.nextInt(templates.size()))));
                XrayScene scene = XrayScene.generate(type, mask.copy().data(), mask.width(), mask.height(),
                        r.nextLong());
                XraySimulator sim = new XraySimulator(type, scene);
                GrayU16 lq = sim.expose(XrayType.LQ_SECONDS, r);
                GrayU16 hq = sim.expose(XrayType.HQ_SECONDS, r);
                accumulate(se, sim.expected(), lq, hq);
                String split = i < train ? "train" : "test";
                String name = String.format("%s-%04d.tif", type.name().toLowerCase(), i + 1);
                Path dir = out.resolve(type.name()).resolve(split);
                write(lq, dir.resolve("lq").resolve(name));
                write(hq, dir.resolve("hq").resolve(name));
            }
            long pixels = (long) n * type.width() * type.height();
            summaries.add(new TypeSummary(type.name(), train, n - train, psnr(se[0], pixels), psnr(se[1], pixels),
                    psnr(se[2], pixels)));
        }
        return summaries;
    }

    /** DeepPCB templates are grey, but some are stored as RGB JPEGs: take their luma. */
    private static GrayU8 grey(PixelImage img) {
        if (img instanceof GrayU8 g) {
            return g;
        }
        GrayU8 out = GrayU8.create(img.width(), img.height());
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                double v = 0;
                for (int b = 0; b < img.bands(); b++) {
                    v += img.getFloat(x, y, b) / img.bands();
                }
                out.set(x, y, (int) Math.round(v));
            }
        }
        return out;
    }

    private static void accumulate(double[] se, GrayF32 truth, GrayU16 lq, GrayU16 hq) {
        float[] t = truth.data();
        short[] a = lq.data();
        short[] b = hq.data();
        for (int i = 0; i < t.length; i++) {
            double la = a[i] & 0xFFFF;
            double hb = b[i] & 0xFFFF;
            se[0] += (la - t[i]) * (la - t[i]);
            se[1] += (hb - t[i]) * (hb - t[i]);
            se[2] += (la - hb) * (la - hb);
        }
    }

    /** PSNR with the 16-bit peak, as {@code loupe eval enhance} measures it. */
    private static double psnr(double se, long n) {
        return 10 * Math.log10(65535.0 * 65535.0 * n / se);
    }

    private static void write(PixelImage img, Path file) throws LoupeException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw LoupeException.badInput(file.getParent().toString(), "cannot be created (" + e.getMessage() + ")",
                    e);
        }
        ImageFiles.write(img, file);
    }

    /**
     * One pair of a dataset: the image type it belongs to (the folder above the split) and the two files.
     *
     * @param type the type's folder name, e.g. S1
     * @param lq   the short exposure
     * @param hq   the long exposure of the same object
     */
    public record Pair(String type, Path lq, Path hq) {
    }

    /**
     * The pairs of one split of a dataset laid out as {@link #write} writes it ({@code TYPE/SPLIT/lq|hq/NAME}), or of
     * a single folder holding {@code lq/} and {@code hq/}; sorted by type and name.
     *
     * @throws LoupeException INPUT naming the folder or file for a missing folder, no pairs, or an unmatched file
     */
    public static List<Pair> pairs(Path root, String split) throws LoupeException {
        if (!Files.isDirectory(root)) {
            throw LoupeException.badInput(root.toString(), "no such dataset folder");
        }
        List<Pair> entries = new ArrayList<>();
        if (Files.isDirectory(root.resolve("lq"))) {
            add(entries, root.getFileName().toString(), root);
        } else {
            for (Path type : children(root)) {
                Path dir = type.resolve(split);
                if (Files.isDirectory(dir.resolve("lq"))) {
                    add(entries, type.getFileName().toString(), dir);
                }
            }
        }
        if (entries.isEmpty()) {
            throw LoupeException.badInput(root.toString(), "holds no " + split + "/lq and " + split + "/hq frames "
                    + "(make a dataset with 'loupe data xray')");
        }
        return entries;
    }

    private static void add(List<Pair> entries, String type, Path dir) throws LoupeException {
        Path hq = dir.resolve("hq");
        for (Path f : ImageFiles.list(dir.resolve("lq"))) {
            Path partner = hq.resolve(f.getFileName().toString());
            if (!Files.isRegularFile(partner)) {
                throw LoupeException.badInput(f.toString(), "has no HQ partner " + partner);
            }
            entries.add(new Pair(type, f, partner));
        }
    }

    private static List<Path> children(Path dir) throws LoupeException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** Every {@code *_temp.jpg} below {@code folder}, sorted. */
    static List<Path> templates(Path folder) throws LoupeException {
        if (!Files.isDirectory(folder)) {
            throw LoupeException.badInput(folder.toString(), "no such folder (give the DeepPCB folder, e.g. "
                    + "shared/data/deeppcb)");
        }
        try (Stream<Path> s = Files.walk(folder)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith("_temp.jpg")).sorted().toList();
            if (found.isEmpty()) {
                throw LoupeException.badInput(folder.toString(), "holds no DeepPCB template images (*_temp.jpg)");
            }
            return found;
        } catch (IOException e) {
            throw LoupeException.badInput(folder.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** The default frame counts: a scaled-down version of the paper's 2135 / 2000 / 1040. */
    public static Map<XrayType, Integer> defaultCounts() {
        Map<XrayType, Integer> m = new LinkedHashMap<>();
        m.put(XrayType.S1, 40);
        m.put(XrayType.S2, 30);
        m.put(XrayType.S3, 20);
        return m;
    }
}
