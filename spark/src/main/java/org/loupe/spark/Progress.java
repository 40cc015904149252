package org.loupe.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The run's progress on the driver, one line every few seconds, as {@code loupe run} prints it: partitions finished,
 * about how many inputs that is, and the time left at the pace so far. Failed task attempts (a lost executor) are
 * said once each, since Spark runs them again.
 */
final class Progress extends SparkListener {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final int tasks;
    private final int partitions;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong last = new AtomicLong(System.nanoTime());

    Progress(PrintStream err, int tasks, int partitions) {
        this.err = err;
        this.tasks = tasks;
        this.partitions = partitions;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
            err.printf("spark: a task on executor %s failed (%s); Spark runs it again%n",
                    end.taskInfo().executorId(), end.reason());
            return;
        }
        int n = done.incrementAndGet();
        long now = System.nanoTime();
        long before = last.get();
        if (n < partitions && now - before > EVERY_NANOS && last.compareAndSet(before, now)) {
            long left = (now - start) / n * (partitions - n) / 1_000_000_000L;
            err.printf(Locale.ROOT, "%d/%d parts done (about %d of %d inputs), about %d:%02d left%n", n, partitions,
                    (long) tasks * n / partitions, tasks, left / 60, left % 60);
        }
    }
}
