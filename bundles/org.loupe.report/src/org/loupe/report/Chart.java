package org.loupe.report;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.loupe.image.io.AtomicFiles;

/**
 * A plot made by {@link Charts}, ready to save. Wrapping the charting library keeps it out of the report API, so
 * callers never depend on it.
 */
public final class Chart {

    private final JFreeChart chart;

    Chart(JFreeChart chart) {
        this.chart = chart;
    }

    /** Saves the chart as a PNG of the given size, atomically. */
    public void writePng(Path file, int width, int height) throws IOException {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }
}
