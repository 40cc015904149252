package org.loupe.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.loupe.numerics.noise.NoiseStats;
import org.loupe.numerics.stats.Histogram;

/**
 * The plots of Loupe's reports, drawn by JFreeChart and saved as PNG: noise histograms with their Gaussian fits,
 * bars per category, curves, and the distribution of a per-image figure.
 */
public final class Charts {

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};
    private static final int DISPLAY_BINS = 120;

    private Charts() {
    }

    /**
     * Noise histograms as densities (solid) with their fitted Gaussians (dashed), one colour per set, over mean +- 4
     * sigma of the widest set.
     */
    public static Chart noise(List<NoiseStats> sets) {
        XYSeriesCollection data = new XYSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (NoiseStats s : sets) {
            lo = Math.min(lo, s.fit().mean() - 4 * s.fit().sigma());
            hi = Math.max(hi, s.fit().mean() + 4 * s.fit().sigma());
        }
        for (NoiseStats s : sets) {
            data.addSeries(densitySteps(s, lo, hi));
            data.addSeries(gaussian(s, lo, hi));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Noise: histograms (solid) and fitted Gaussians (dashed)",
                "clean - noisy (pixel value difference)", "density", data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true); // else every short segment restarts the dash pattern
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, COLOURS[(i / 2) % COLOURS.length]);
            r.setSeriesStroke(i, i % 2 == 0 ? new BasicStroke(1.5f) : new BasicStroke(2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 1, new float[] {8, 6}, 0));
        }
        plot.setRenderer(r);
        plot.getDomainAxis().setRange(lo, hi > lo ? hi : lo + 1);
        return styled(chart);
    }

    private static XYSeries densitySteps(NoiseStats s, double lo, double hi) {
        Histogram h = forDisplay(s.histogram(), lo, hi);
        XYSeries series = new XYSeries(String.format(Locale.ROOT, "%s: mean %.2f, sigma %.2f, KS D %.4f "
                + "(%d pairs)", s.name(), s.fit().mean(), s.fit().sigma(), s.fit().ksDistance(), s.pairs()), false);
        for (int i = 0; i < h.counts().length; i++) {
            if (h.edge(i + 1) < lo || h.edge(i) > hi) {
                continue;
            }
            double density = h.counts()[i] / (h.total() * h.binWidth());
            series.add(Math.max(h.edge(i), lo), density);
            series.add(Math.min(h.edge(i + 1), hi), density);
        }
        return series;
    }

    private static XYSeries gaussian(NoiseStats s, double lo, double hi) {
        XYSeries series = new XYSeries(s.name() + " fit", false);
        for (int i = 0; i <= 400; i++) {
            double x = lo + i * (hi - lo) / 400;
            double z = (x - s.fit().mean()) / s.fit().sigma();
            series.add(x, Math.exp(-0.5 * z * z) / (s.fit().sigma() * Math.sqrt(2 * Math.PI)));
        }
        return series;
    }

    /** Merges neighbouring bins so that about {@value #DISPLAY_BINS} bars span the plotted range. */
    static Histogram forDisplay(Histogram h, double lo, double hi) {
        int merge = (int) Math.max(1, Math.round((hi - lo) / DISPLAY_BINS / h.binWidth()));
        long[] merged = new long[(h.counts().length + merge - 1) / merge];
        for (int i = 0; i < h.counts().length; i++) {
            merged[i / merge] += h.counts()[i];
        }
        return new Histogram(h.start(), h.binWidth() * merge, merged);
    }

    /** One bar per category, in the map's order. */
    public static Chart bars(String title, String valueLabel, Map<String, Double> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((k, v) -> data.addValue(v, valueLabel, k));
        return styled(ChartFactory.createBarChart(title, null, valueLabel, data, PlotOrientation.VERTICAL, false,
                false, false));
    }

    /** Curves through points {x, y}, one per named series. */
    public static Chart curves(String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name, false);
            points.forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        // marks on short curves show their points; on long ones they would hide the line
        boolean marks = series.values().stream().allMatch(p -> p.size() <= 30);
        chart.getXYPlot().setRenderer(new XYLineAndShapeRenderer(true, marks));
        return styled(chart);
    }

    /** How a per-image figure is distributed over the images. */
    public static Chart distribution(String title, String valueLabel, double[] values) {
        HistogramDataset data = new HistogramDataset();
        data.addSeries(valueLabel, values, Math.max(1, Math.min(40, values.length / 3)));
        return styled(ChartFactory.createHistogram(title, valueLabel, "images", data, PlotOrientation.VERTICAL,
                false, false, false));
    }

    /**
     * A heat map of a table of values (rows bottom to top, columns left to right), white for the smallest and deep
     * red for the largest, each cell labelled with its value.
     */
    public static Chart heatmap(String title, String columnLabel, String rowLabel, double[] columns, double[] rows,
            double[][] values) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        int n = rows.length * columns.length;
        double[][] xyz = new double[3][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                int i = r * columns.length + c;
                xyz[0][i] = c;
                xyz[1][i] = r;
                xyz[2][i] = values[r][c];
                lo = Math.min(lo, values[r][c]);
                hi = Math.max(hi, values[r][c]);
            }
        }
        data.addSeries(title, xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        double top = hi > lo ? hi : lo + 1;
        double bottom = lo;
        renderer.setPaintScale(new PaintScale() {
            @Override
            public double getLowerBound() {
                return bottom;
            }

            @Override
            public double getUpperBound() {
                return top;
            }

            @Override
            public Paint getPaint(double v) {
                float f = (float) Math.max(0, Math.min(1, (v - bottom) / (top - bottom)));
                return new Color(1f, 1f - 0.8f * f, 1f - 0.85f * f);
            }
        });
        renderer.setDefaultItemLabelGenerator((dataset, series, item) -> String.format(Locale.ROOT, "%.0f",
                ((DefaultXYZDataset) dataset).getZValue(series, item)));
        renderer.setDefaultItemLabelsVisible(true);
        XYPlot plot = new XYPlot(data, axis(columnLabel, columns), axis(rowLabel, rows), renderer);
        return styled(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }

    /** An axis whose ticks 0, 1, ... are labelled with the given values. */
    private static SymbolAxis axis(String label, double[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = String.format(Locale.ROOT, "%.0f", values[i]);
        }
        return new SymbolAxis(label, names);
    }

    private static Chart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.getPlot().setOutlinePaint(Color.GRAY);
        return new Chart(chart);
    }
}
