package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.ct.CtLiverDataset;
import org.loupe.data.ct.LiverPhantom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe data ct-liver}: CT liver phantoms with their truth ({@link CtLiverDataset}). */
@Command(name = "ct-liver", mixinStandardHelpOptions = true,
        description = {"Synthetic abdominal CT (DICOM series) with a liver, its hepatic and portal veins, 0-4 "
            + "metastases or cysts of 5-40 mm, and NIfTI label maps of liver, tumours and Couinaud segments.",
            CtLiverDataset.NOT_PATIENTS})
final class DataCtLiverCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty output folder.")
    private Path out;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "Cases (default "
            + "${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed; sets of other seeds share "
            + "no case (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "256", description = "Columns and rows over a "
            + "358 mm field of view (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--slices", paramLabel = "N", defaultValue = "64", description = "Axial slices, 2.5 mm apart "
            + "(default ${DEFAULT-VALUE}).")
    private int slices;

    @Option(names = "--dose", paramLabel = "D", defaultValue = "normal", description = "normal (noise 12 HU) or low "
            + "(24 HU) (default ${DEFAULT-VALUE}).")
    private String dose;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    DataCtLiverCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        if (count < 1 || count > 100_000 || size < 64 || size > 1024 || slices < 16 || slices > 512) {
            throw LoupeException.usage("--count must be 1..100000, --size 64..1024 and --slices 16..512");
        }
        LiverPhantom.Dose d = switch (dose.toLowerCase(Locale.ROOT)) {
            case "normal" -> LiverPhantom.Dose.NORMAL;
            case "low" -> LiverPhantom.Dose.LOW;
            default -> throw LoupeException.usage("unknown --dose '" + dose + "' (known: normal, low)");
        };
        ProgressLines progress = new ProgressLines(session.err(), "ct-liver");
        CtLiverDataset.Summary s = CtLiverDataset.create(out, count, seed, size, slices, d,
                ProcessingContext.builder().onProgress(progress).build());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("cases", s.cases());
            m.put("tumours", s.tumours());
            session.out().println(Json.GSON.toJson(m));
        } else {
            session.out().printf(Locale.ROOT, "wrote %d cases with %d tumours to %s (%s)%n", s.cases(), s.tumours(),
                    out, CtLiverDataset.NOT_PATIENTS);
        }
        return 0;
    }
}
