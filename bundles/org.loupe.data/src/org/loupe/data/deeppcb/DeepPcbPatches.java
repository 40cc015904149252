package org.loupe.data.deeppcb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.Region;
import org.loupe.image.io.ImageFiles;
import org.loupe.metrics.detection.GroundTruth;

/**
 * Square patches cut from DeepPCB pairs for defect classification: a patch of the tested board is defective when it
 * contains a whole annotated defect and defect-free when it touches none; the same window of the template is its
 * golden reference, and the board group (the folder above the pair) is its type. Each annotated defect that fits
 * gives one defective patch, placed at random around it; each pair gives as many defect-free patches as defective
 * ones, at random places clear of every defect. The draws depend only on the pair's id, so a list always gives the
 * same patches.
 */
public final class DeepPcbPatches {

    /** Tries per defect-free patch before a crowded board gives fewer. */
    private static final int TRIES = 50;

    /**
     * One patch.
     *
     * @param test      the window of the tested board
     * @param reference the same window of the template
     * @param defective whether it contains an annotated defect
     * @param type      the board group, e.g. "group20085"
     * @param source    pair id and window, e.g. "20085000@96,224"
     */
    public record Patch(PixelImage test, PixelImage reference, boolean defective, String type, String source) {
    }

    private DeepPcbPatches() {
    }

    /**
     * The patches of every listed pair.
     *
     * @param side patch side in pixels
     * @throws LoupeException INPUT naming the file for an unreadable image, a template of another size or an
     *                        annotation line that does not parse
     */
    public static List<Patch> cut(List<DeepPcbDataset.Entry> entries, int side) throws LoupeException {
        List<Patch> out = new ArrayList<>();
        for (DeepPcbDataset.Entry e : entries) {
            out.addAll(cut(e, side));
        }
        return out;
    }

    /** The patches of one pair. */
    public static List<Patch> cut(DeepPcbDataset.Entry e, int side) throws LoupeException {
        PixelImage test = ImageFiles.read(e.test());
        PixelImage template = ImageFiles.read(e.template());
        if (test.width() != template.width() || test.height() != template.height()) {
            throw LoupeException.badInput(e.template().toString(), "is " + template.width() + "x" + template.height()
                    + " but its board " + e.test().getFileName() + " is " + test.width() + "x" + test.height());
        }
        List<GroundTruth> defects = DeepPcbFiles.readTruth(e.annotation());
        String type = type(e.test());
        SplittableRandom rnd = new SplittableRandom(e.id().hashCode());
        int w = test.width();
        int h = test.height();
        List<Patch> out = new ArrayList<>();
        for (GroundTruth g : defects) {
            int bw = (int) Math.ceil(g.x2()) - (int) g.x1();
            int bh = (int) Math.ceil(g.y2()) - (int) g.y1();
            if (bw > side || bh > side || w < side || h < side) {
                continue;
            }
            int x = place(rnd, (int) Math.ceil(g.x2()) - side, (int) g.x1(), w - side);
            int y = place(rnd, (int) Math.ceil(g.y2()) - side, (int) g.y1(), h - side);
            out.add(patch(test, template, x, y, side, true, type, e.id()));
        }
        int wanted = out.size();
        for (int i = 0, made = 0; made < wanted && i < wanted * TRIES; i++) {
            int x = rnd.nextInt(w - side + 1);
            int y = rnd.nextInt(h - side + 1);
            if (defects.stream().noneMatch(g -> g.x1() < x + side && g.x2() > x && g.y1() < y + side && g.y2() > y)) {
                out.add(patch(test, template, x, y, side, false, type, e.id()));
                made++;
            }
        }
        return out;
    }

    /** A position in [lo, hi] clamped to [0, max]. */
    private static int place(SplittableRandom rnd, int lo, int hi, int max) {
        int a = Math.max(0, lo);
        int b = Math.min(max, hi);
        return b <= a ? Math.max(0, Math.min(max, a)) : a + rnd.nextInt(b - a + 1);
    }

    private static Patch patch(PixelImage test, PixelImage template, int x, int y, int side, boolean defective,
            String type, String id) {
        Region r = new Region(x, y, side, side);
        return new Patch(test.view(r).copy(), template.view(r).copy(), defective, type, id + "@" + x + "," + y);
    }

    /** The board group: the name of the folder that holds the pair's folder. */
    static String type(Path test) {
        Path group = test.getParent() == null ? null : test.getParent().getParent();
        return group == null || group.getFileName() == null ? "board" : group.getFileName().toString();
    }
}
