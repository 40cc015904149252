package org.loupe.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.xray.Material;
import org.loupe.data.xray.XrayDataset;
import org.loupe.data.xray.XrayType;
import org.loupe.image.io.AtomicFiles;
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
        Map<XrayType, Integer> n = XrayDataset.defaultCounts();
        if (!counts.isEmpty()) {
            n.clear();
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                XrayType t;
                try {
                    t = XrayType.of(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw LoupeException.usage(ex.getMessage());
                }
                if (e.getValue() < 2 || e.getValue() > 100_000) {
                    throw LoupeException.usage("--count " + e.getKey() + " must be 2..100000 (a train and a test "
                            + "frame at least)");
                }
                n.put(t, e.getValue());
            }
        }
        Path templates = pcb;
        if (templates == null) {
            String data = System.getenv("LOUPE_DATA");
            if (data == null) {
                throw LoupeException.usage("give --pcb DIR (the DeepPCB folder) or set LOUPE_DATA");
            }
            templates = Path.of(data, "deeppcb");
        }
        requireEmpty(out);
        // simulate into a sibling folder and move it into place at the end: an interrupted run leaves no half set
        Path target = out.toAbsolutePath().normalize();
        Path work = target.resolveSibling(target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        List<XrayDataset.TypeSummary> s = XrayDataset.write(work, templates, n, seed,
                ProcessingContext.builder().onProgress((f, m) -> {
                    session.err().printf(Locale.ROOT, "%3.0f%% %s%n", 100 * f, m);
                    session.err().flush();
                }).build());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generator", "loupe data xray");
        report.put("seed", seed);
        report.put("exposures", Map.of("lq", XrayType.LQ_SECONDS + " s", "hq", XrayType.HQ_SECONDS + " s"));
        report.put("types", List.of(XrayType.all()));
        Map<String, Object> mu = new LinkedHashMap<>();
        for (Material m : Material.values()) {
            mu.put(m.name(), Map.of("40keV", m.mu(40), "60keV", m.mu(60), "80keV", m.mu(80)));
        }
        report.put("attenuationPerMm", mu);
        report.put("summary", s);
        try {
            AtomicFiles.writeString(work.resolve("simulation.json"), Json.GSON.toJson(report));
            Files.deleteIfExists(target);
            Files.move(work, target);
        } catch (IOException e) {
            throw LoupeException.badInput(out.toString(), "cannot finish the data set (" + e.getMessage() + "); "
                    + "it is in " + work, e);
        }
        if (json) {
            session.out().println(Json.GSON.toJson(report));
            return 0;
        }
        Table t = new Table("TYPE", "SIZE", "TRAIN", "TEST", "LQ PSNR (dB)", "HQ PSNR (dB)", "LQ vs HQ (dB)");
        for (XrayDataset.TypeSummary x : s) {
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

    private static void requireEmpty(Path dir) throws LoupeException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw LoupeException.usage(dir + " is not empty; choose a new folder (nothing is overwritten)");
            }
        } catch (IOException e) {
            throw LoupeException.badInput(dir.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }
}
