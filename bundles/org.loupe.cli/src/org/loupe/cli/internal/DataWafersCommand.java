package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.detection.DetectionDatasets;
import org.loupe.data.wafer.WaferDataset;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe data wafers}: a folder of synthetic wafers with annotated defects ({@link WaferDataset}). */
@Command(name = "wafers", mixinStandardHelpOptions = true,
        description = "Synthetic wafer images (die grid, notch, gradient, noise) with 2-5 scratches, particles or "
                + "cracks each, annotated in COCO JSON or YOLO txt.")
final class DataWafersCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty output folder.")
    private Path out;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100", description = "Images (default "
            + "${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed; sets of other seeds share "
            + "no image (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "400", description = "Image side (default "
            + "${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--difficulty", paramLabel = "D", defaultValue = "normal", description = "easy, normal or hard: "
            + "defect contrast, size and noise (default ${DEFAULT-VALUE}).")
    private String difficulty;

    @Option(names = "--layout", paramLabel = "L", defaultValue = "coco", description = "coco or yolo (default "
            + "${DEFAULT-VALUE}).")
    private String layout;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    DataWafersCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (count < 1 || count > 1_000_000 || size < 64 || size > 8192) {
            throw LoupeException.usage("--count must be 1..1000000 and --size 64..8192");
        }
        DetectionDatasets.Layout l = switch (layout) {
            case "coco" -> DetectionDatasets.Layout.COCO;
            case "yolo" -> DetectionDatasets.Layout.YOLO;
            default -> throw LoupeException.usage("unknown --layout '" + layout + "' (known: coco, yolo)");
        };
        WaferDataset.Summary s = WaferDataset.create(out, count, seed, size, difficulty, l,
                ProcessingContext.builder().onProgress((f, m) -> {
                    if (f > 0 && Math.round(100 * f) % 10 == 0) {
                        session.err().printf(Locale.ROOT, "%3.0f%% %s%n", 100 * f, m);
                        session.err().flush();
                    }
                }).build());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("images", s.images());
            m.put("defects", s.defects());
            session.out().println(Json.GSON.toJson(m));
            return 0;
        }
        TextTable t = new TextTable("CLASS", "DEFECTS");
        s.defects().forEach(t::row);
        session.out().println("wrote " + s.images() + " wafers of " + size + "x" + size + " (" + difficulty + ", "
                + layout + ") to " + out);
        t.print(session.out());
        return 0;
    }
}
