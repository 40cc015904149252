package org.loupe.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.xray.XrayDataset;
import org.loupe.data.xray.XraySimulation;
import org.loupe.data.xray.XrayType;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe data xray}: the simulated low-dose semiconductor X-ray dataset (three types, 5 s and 90 s exposures of
 * the same objects) that {@code enhance.xray} is trained and scored on. Writes only into a new or empty folder.
 */
@Command(name = "xray", mixinStandardHelpOptions = true,
        description = "Simulate S1/S2/S3 X-ray frames (Beer-Lambert, Poisson photon noise, read noise) at 5 s and "
                + "90 s exposure, with DeepPCB templates as copper masks.")
final class DataXrayCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty output folder.")
    private Path out;

    @Option(names = "--pcb", paramLabel = "DIR",
            description = "DeepPCB folder with *_temp.jpg templates (default: $LOUPE_DATA/deeppcb).")
    private Path pcb;

    @Option(names = "--count", paramLabel = "TYPE=N", split = ",",
            description = "Frames per type (default S1=40,S2=30,S3=20).")
    private Map<String, Integer> counts = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of scenes and noise (default 1).")
    private long seed;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    DataXrayCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws LoupeException {
        Map<XrayType, Integer> n = XraySimulation.counts(counts);
        Path templates = pcb;
        if (templates == null) {
            String data = System.getenv("LOUPE_DATA");
            if (data == null) {
                throw LoupeException.usage("give --pcb DIR (the DeepPCB folder) or set LOUPE_DATA");
            }
            templates = Path.of(data, "deeppcb");
        }
        XraySimulation.Result r = XraySimulation.create(out, templates, n, seed,
                ProcessingContext.builder().onProgress((f, m) -> {
                    session.err().printf(Locale.ROOT, "%3.0f%% %s%n", 100 * f, m);
                    session.err().flush();
                }).build());
        if (json) {
            session.out().println(Json.GSON.toJson(r.description()));
            return 0;
        }
        TextTable t = new TextTable("TYPE", "SIZE", "TRAIN", "TEST", "LQ PSNR (dB)", "HQ PSNR (dB)", "LQ vs HQ (dB)");
        for (XrayDataset.TypeSummary x : r.summary()) {
            XrayType type = XrayType.of(x.type());
            t.row(x.type(), type.width() + "x" + type.height(), x.train(), x.test(), fmt(x.lqPsnr()),
                    fmt(x.hqPsnr()), fmt(x.lqVsHqPsnr()));
        }
        session.out().println("wrote " + out + " (PSNR of each exposure against the noise-free frame, and of LQ "
                + "against HQ; peak 65535)");
        t.print(session.out());
        return 0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
