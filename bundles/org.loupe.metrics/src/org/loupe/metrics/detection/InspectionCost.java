package org.loupe.metrics.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of an inspection run: every missed defect (false negative) costs what a defect reaching the customer
 * costs, every false alarm (false positive) what a needless manual re-inspection costs. Correct detections and
 * correct passes cost nothing here (their cost does not depend on the detector).
 */
public final class InspectionCost {

    /**
     * One cost setting and the run's cost under it.
     *
     * @param missCost       cost per missed defect
     * @param falseAlarmCost cost per false alarm
     * @param missLoss       misses x missCost
     * @param falseAlarmLoss false alarms x falseAlarmCost
     */
    public record Row(double missCost, double falseAlarmCost, double missLoss, double falseAlarmLoss) {
        /** The total cost. */
        public double total() {
            return missLoss + falseAlarmLoss;
        }
    }

    /** Cost per missed defect in the default table (the course module's settings, in currency units). */
    public static final double[] DEFAULT_MISS_COSTS = {500, 1000, 2000, 5000};
    /** Cost per false alarm in the default table. */
    public static final double[] DEFAULT_FALSE_ALARM_COSTS = {50, 100, 200, 500};

    private InspectionCost() {
    }

    /** The cost of one run. */
    public static double of(Counts counts, double missCost, double falseAlarmCost) {
        return counts.falseNegatives() * missCost + counts.falsePositives() * falseAlarmCost;
    }

    /** The run's cost under every combination of the given costs, miss costs varying slowest. */
    public static List<Row> table(Counts counts, double[] missCosts, double[] falseAlarmCosts) {
        List<Row> rows = new ArrayList<>();
        for (double m : missCosts) {
            for (double f : falseAlarmCosts) {
                rows.add(new Row(m, f, counts.falseNegatives() * m, counts.falsePositives() * f));
            }
        }
        return rows;
    }
}
