package org.loupe.pipeline.internal;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.loupe.pipeline.PatchDecision;

/** A classify step's decisions as CSV: one row per patch with its window, label, confidence and details. */
final class PatchTable {

    private PatchTable() {
    }

    static String csv(List<PatchDecision> decisions) {
        TreeSet<String> details = new TreeSet<>();
        decisions.forEach(d -> details.addAll(d.verdict().details().keySet()));
        StringBuilder sb = new StringBuilder("x,y,width,height,label,confidence");
        details.forEach(k -> sb.append(',').append(k));
        sb.append('\n');
        for (PatchDecision d : decisions) {
            sb.append(d.window().x()).append(',').append(d.window().y()).append(',').append(d.window().width())
                    .append(',').append(d.window().height()).append(',').append(d.verdict().label()).append(',')
                    .append(String.format(Locale.ROOT, "%.6g", d.verdict().confidence()));
            for (String k : details) {
                Double v = d.verdict().details().get(k);
                sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
