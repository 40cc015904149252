package org.loupe.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loupe.api.ComputeBackend;
import org.loupe.api.ComputeDevice;
import org.loupe.api.ComputeSettings;
import org.loupe.api.LoupeException;
import org.loupe.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe devices}: the compute backends installed and the devices each sees (is a GPU visible, which one). */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the compute backends (TensorFlow, ...) and the devices they can run on.")
final class DevicesCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    DevicesCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<Map<String, Object>> backends = new ArrayList<>();
        TextTable table = new TextTable("BACKEND", "DEVICE", "TYPE", "MEMORY", "DESCRIPTION");
        for (ComputeBackend b : session.registry().backends()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.name());
            try {
                List<ComputeDevice> devices = b.devices();
                m.put("devices", devices);
                for (ComputeDevice d : devices) {
                    table.row(b.name(), d.name(), d.type(), memory(d.memoryBytes()), d.description());
                }
            } catch (LoupeException e) {
                m.put("error", e.getMessage());
                table.row(b.name(), "-", "-", "-", "unavailable: " + e.getMessage());
            }
            backends.add(m);
        }
        if (json) {
            session.out().println(Json.GSON.toJson(backends));
        } else if (backends.isEmpty()) {
            session.out().println("no compute backend installed (learned providers need org.loupe.tensorflow)");
        } else {
            table.print(session.out());
            session.out().println("Sessions use " + ComputeSettings.describe() + " (" + ComputeEnvironment.DEVICE
                    + ", " + ComputeEnvironment.TILE + ").");
        }
        return 0;
    }

    /** One line per backend for the foot of other listings (see {@link ComputeBackend#summary()}). */
    static List<String> summary(List<ComputeBackend> backends) {
        return backends.stream().map(ComputeBackend::summary).toList();
    }

    private static String memory(long bytes) {
        return bytes <= 0 ? "-" : String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
