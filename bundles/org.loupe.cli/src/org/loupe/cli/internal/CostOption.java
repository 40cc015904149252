package org.loupe.cli.internal;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.LoupeException;
import picocli.CommandLine.Option;

/** {@code --cost MISS:FALSE_ALARM}, repeatable: pairs of costs for the cheapest-threshold analysis (a mixin). */
final class CostOption {

    @Option(names = "--cost", paramLabel = "MISS:FALSE_ALARM", description = "Costs of a miss and of a false alarm, "
            + "e.g. 2000:150: prints the threshold that would cost least on this data (choose it on validation data, "
            + "then apply it to test data); repeatable.")
    private List<String> costs = new ArrayList<>();

    /** The pairs {miss cost, false-alarm cost}. */
    List<double[]> pairs() throws LoupeException {
        List<double[]> out = new ArrayList<>();
        for (String text : costs) {
            String[] f = text.split(":");
            try {
                double[] pair = {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
                if (f.length == 2 && pair[0] >= 0 && pair[1] >= 0 && Double.isFinite(pair[0] + pair[1])) {
                    out.add(pair);
                    continue;
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // reported below
            }
            throw LoupeException.usage("--cost takes MISS:FALSE_ALARM, two costs of at least 0 (e.g. 10:1), got '"
                    + text + "'");
        }
        return out;
    }
}
