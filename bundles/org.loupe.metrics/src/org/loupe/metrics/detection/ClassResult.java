package org.loupe.metrics.detection;

/**
 * One class's figures.
 *
 * @param label            class
 * @param truthCount       annotated objects of the class
 * @param averagePrecision AP over all predictions of the class (NaN without annotated objects)
 * @param atThreshold      counts for predictions scoring at least the evaluation's score threshold
 */
public record ClassResult(String label, int truthCount, double averagePrecision, Counts atThreshold) {
}
