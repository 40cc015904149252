package org.loupe.spark;

import java.io.Serializable;

/**
 * One computed task as it travels back to the driver.
 *
 * @param record       the item's record, one line of {@code results.jsonl}
 * @param executor     the Spark executor that computed it
 * @param startMillis  how long that executor's Loupe took to start
 */
record Computed(String record, String executor, long startMillis) implements Serializable {
}
