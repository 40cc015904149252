package org.loupe.tensorflow.train;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Makes the next batches on a background thread while the current training step runs (patch sampling and
 * augmentation cost time the accelerator should not wait for). Batches come out in index order. Close it to stop
 * the thread.
 */
public final class PrefetchingBatches implements AutoCloseable {

    private final BlockingQueue<Object> queue;
    private final Thread worker;

    /** Starts making batches {@code first}, {@code first + 1}, ... keeping up to {@code ahead} ready. */
    public PrefetchingBatches(BatchSource source, long first, int ahead) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, ahead));
        this.worker = new Thread(() -> {
            try {
                for (long i = first;; i++) {
                    Object item;
                    try {
                        item = source.batch(i);
                    } catch (RuntimeException e) {
                        item = e;
                    }
                    queue.put(item);
                    if (item instanceof RuntimeException) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loupe-batches");
        worker.setDaemon(true);
        worker.start();
    }

    /** The next batch, waiting for it if needed; a failure of the source is rethrown here. */
    public Batch next() throws InterruptedException {
        Object item = queue.take();
        if (item instanceof RuntimeException e) {
            throw e;
        }
        return (Batch) item;
    }

    @Override
    public void close() {
        worker.interrupt();
        queue.clear();
    }
}
