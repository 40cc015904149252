package org.loupe.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.jobs.Job;
import org.loupe.api.Detection;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;

/**
 * What a pipeline run found for one input, as marks over the image: the detections at the detect step's score
 * threshold and the classify step's patch decisions (read back from the run's {@code NAME.patches.csv}).
 */
public final class RunOverlays {

    private RunOverlays() {
    }

    /** The detections that count as found. */
    public static List<Detection> found(Pipeline pipeline, ItemResult r) {
        double threshold = pipeline == null ? 0 : pipeline.detectStep().map(Step.Detect::scoreThreshold).orElse(0.0);
        return r.detections().stream().filter(d -> d.score() >= threshold).toList();
    }

    /** Opens the input in the document with its reference and marks; null if the run has no such input. */
    public static Job open(ImageDocument document, PipelineRun run, ItemResult r) {
        Pipeline p = run.pipeline();
        Path input = Path.of(r.input());
        Path reference = p == null ? null : p.detectStep().filter(d -> d.reference() != null)
                .map(d -> d.reference().resolve(input, r.name())).orElse(null);
        List<Mark> marks = new ArrayList<>(patches(run.outDir() == null ? null : run.outDir().resolve(r.name()
                + ".patches.csv")));
        marks.addAll(Mark.of(found(p, r)));
        return document.open(input, reference != null && Files.isRegularFile(reference) ? reference : null, marks);
    }

    private static List<Mark> patches(Path csv) {
        List<Mark> marks = new ArrayList<>();
        if (csv == null || !Files.isRegularFile(csv)) {
            return marks;
        }
        try {
            for (String line : Files.readAllLines(csv).stream().skip(1).toList()) {
                String[] f = line.split(",");
                double x = Double.parseDouble(f[0]);
                double y = Double.parseDouble(f[1]);
                marks.add(new Mark(Mark.Kind.PATCH, x, y, x + Double.parseDouble(f[2]), y + Double.parseDouble(f[3]),
                        f[4], Double.parseDouble(f[5])));
            }
        } catch (IOException | RuntimeException e) {
            // a damaged table only costs the patch overlay; the detections are still drawn
        }
        return marks;
    }
}
