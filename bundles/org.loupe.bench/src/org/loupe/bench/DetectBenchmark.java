package org.loupe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.detection.AnnotatedImageFile;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.registry.ProviderHandle;

/**
 * End-to-end throughput of a detector on a data set's images (decode the image and its reference if it has one,
 * detect, write the DeepPCB-style result file) over several threads, next to a reference pass in the same process
 * that only decodes what the full pass decodes, so the figure reads as a ratio on any machine. A detector that does
 * not {@linkplain DefectDetector#usesReference use references} is timed on its images alone, as a line would run it.
 */
public final class DetectBenchmark {

    /**
     * The figures.
     *
     * @param imagesPerSecond           end to end
     * @param decodeOnlyImagesPerSecond the reference pass
     */
    public record Report(double imagesPerSecond, double decodeOnlyImagesPerSecond) {
        /** Milliseconds per image end to end, on all the threads together. */
        public double millisPerImage() {
            return 1000 / imagesPerSecond;
        }

        /** Whether this rate keeps up with a line inspecting so many wafers an hour at so many images each. */
        public boolean keepsUpWith(int wafersPerHour, int imagesPerWafer) {
            return imagesPerSecond >= wafersPerHour * (double) imagesPerWafer / 3600;
        }

        /** How many times the reference pass's time the full pass takes. */
        public double timeOverDecodeOnly() {
            return decodeOnlyImagesPerSecond / imagesPerSecond;
        }
    }

    /** One unit of work on a pair; returns anything, so the JIT cannot drop it. */
    @FunctionalInterface
    private interface Work {
        int on(AnnotatedImageFile e) throws LoupeException, IOException;
    }

    private DetectBenchmark() {
    }

    /** Processes {@code images} pairs (cycling through the list) on {@code workers} threads, after a warm-up. */
    public static Report run(ProviderHandle<DefectDetector> detector, ProcessingContext ctx,
            List<AnnotatedImageFile> pairs, int images, int workers) throws LoupeException {
        Path out = null;
        try {
            out = Files.createTempDirectory("loupe-bench-detect");
            Path dir = out;
            boolean compares = detector.call(DefectDetector::usesReference);
            Work decode = e -> {
                int w = ImageFiles.read(e.image()).width();
                return e.reference() == null || !compares ? w : ImageFiles.read(e.reference()).width();
            };
            Work full = e -> {
                PixelImage board = ImageFiles.read(e.image());
                PixelImage template = e.reference() == null || !compares ? null : ImageFiles.read(e.reference());
                List<Detection> found = detector.call(d -> d.detect(board, template, ctx));
                AtomicFiles.writeString(dir.resolve(e.id() + ".txt"), DeepPcbFiles.format(found));
                return found.size();
            };
            run(pairs, Math.min(images, 2 * workers), workers, full);
            double decodeSeconds = run(pairs, images, workers, decode);
            double fullSeconds = run(pairs, images, workers, full);
            return new Report(images / fullSeconds, images / decodeSeconds);
        } catch (IOException e) {
            throw LoupeException.badInput("scratch folder", "cannot be written (" + e.getMessage() + ")", e);
        } finally {
            if (out != null) {
                AtomicFiles.deleteScratch(out);
            }
        }
    }

    private static double run(List<AnnotatedImageFile> pairs, int n, int workers, Work work)
            throws LoupeException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                AnnotatedImageFile e = pairs.get(i % pairs.size());
                done.add(pool.submit(() -> work.on(e)));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
            return (System.nanoTime() - t0) / 1e9;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LoupeException le) {
                throw le;
            }
            if (e.getCause() instanceof IOException io) {
                throw LoupeException.badInput("scratch folder", "cannot be written (" + io.getMessage() + ")", io);
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoupeException.cancelled();
        } finally {
            pool.shutdownNow();
        }
    }
}
