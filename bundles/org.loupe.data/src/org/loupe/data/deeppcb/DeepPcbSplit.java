package org.loupe.data.deeppcb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loupe's fixed split of a DeepPCB list, by pair (board image), so that no board lends patches or candidates to two
 * sides: of every ten pairs in list order, the fifth is for validation (early stopping, choosing thresholds), the
 * tenth for testing (the scores reported), the other eight for training. Each board group thus gives a tenth of its
 * pairs to each held-out side. Every trainer and evaluation on DeepPCB uses this one rule.
 */
public final class DeepPcbSplit {

    /** The three sides. */
    public enum Part {
        /** Eight pairs in ten. */
        TRAINING,
        /** The fifth of every ten. */
        VALIDATION,
        /** The tenth of every ten. */
        TEST;

        /** The file name Loupe gives this part's list. */
        public String listName() {
            return name().toLowerCase(Locale.ROOT) + ".txt";
        }
    }

    private DeepPcbSplit() {
    }

    /** The part the pair at {@code index} (0-based, list order) belongs to. */
    public static Part partOf(int index) {
        return switch (index % 10) {
            case 4 -> Part.VALIDATION;
            case 9 -> Part.TEST;
            default -> Part.TRAINING;
        };
    }

    /** The items of one part, in list order. */
    public static <T> List<T> part(List<T> all, Part part) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (partOf(i) == part) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
