package org.loupe.api;

import java.util.Map;
import java.util.Objects;

/**
 * A measured figure, e.g. PSNR in dB, with any per-part values behind it (per channel, per class).
 *
 * @param metric name of the metric, e.g. "psnr"
 * @param value  the figure
 * @param unit   unit, e.g. "dB"; empty for dimensionless figures
 * @param parts  named components of the figure
 */
public record MetricValue(String metric, double value, String unit, Map<String, Double> parts) {

    /** Copies the parts. */
    public MetricValue {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        parts = Map.copyOf(parts);
    }
}
