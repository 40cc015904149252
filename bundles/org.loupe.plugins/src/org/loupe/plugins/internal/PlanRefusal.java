package org.loupe.plugins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IProvidedCapability;
import org.eclipse.equinox.p2.query.QueryUtil;

/**
 * One line out of p2's explanation of why a change cannot be made, naming both sides: what the plugin needs and what
 * the installation has ("com.example.bad 1.0.0 needs package org.loupe.api [9.0.0,10.0.0); this Loupe has
 * org.loupe.api 1.2.0").
 */
public final class PlanRefusal {

    private static final Pattern MISSING = Pattern.compile(
            "Missing requirement: (.+?) requires '([^;']+); ([^ ']+) ?([^']*)' but it could not be found");

    private PlanRefusal() {
    }

    /** The line for a failed plan's status, looked up against what {@code profile} holds. */
    public static String explain(IStatus status, IProfile profile) {
        List<String> leaves = new ArrayList<>();
        collect(status, leaves);
        for (String leaf : leaves) {
            Matcher m = MISSING.matcher(leaf);
            if (m.find()) {
                return who(m.group(1)) + " needs " + namespace(m.group(2)) + " " + m.group(3) + " " + m.group(4).trim()
                        + "; this Loupe has " + has(profile, m.group(2), m.group(3));
            }
        }
        for (String leaf : leaves) {
            if (leaf.startsWith("Only one of the following can be installed at once")) {
                return "conflict: " + leaf.replace("Only one of the following can be installed at once: ", "")
                        + " (only one of them can be installed at once)";
            }
        }
        return leaves.isEmpty() ? status.getMessage() : String.join("; ", leaves.subList(0, Math.min(2,
                leaves.size())));
    }

    private static String who(String unit) {
        // p2 writes "Name 1.0.0 (id 1.0.0)"; the id and version say it without the repetition
        Matcher m = Pattern.compile(".*\\((\\S+) (\\S+)\\)$").matcher(unit.trim());
        return m.matches() ? m.group(1) + " " + m.group(2) : unit.trim();
    }

    private static String namespace(String ns) {
        return switch (ns) {
            case "java.package" -> "package";
            case "osgi.bundle" -> "bundle";
            case "org.eclipse.equinox.p2.iu" -> "unit";
            default -> ns;
        };
    }

    private static String has(IProfile profile, String namespace, String name) {
        List<String> found = new ArrayList<>();
        for (IInstallableUnit iu : profile.query(QueryUtil.createIUAnyQuery(), null)) {
            for (IProvidedCapability c : iu.getProvidedCapabilities()) {
                if (c.getNamespace().equals(namespace) && c.getName().equals(name)) {
                    found.add(name + " " + c.getVersion());
                }
            }
        }
        return found.isEmpty() ? "no " + namespace(namespace) + " " + name : String.join(", ", found.stream()
                .distinct().toList());
    }

    private static void collect(IStatus s, List<String> out) {
        if (s.isMultiStatus() && s.getChildren().length > 0) {
            for (IStatus c : s.getChildren()) {
                collect(c, out);
            }
        } else if (!s.isOK() && s.getMessage() != null) {
            out.add(s.getMessage().replaceAll("\\s+", " ").trim());
        }
    }
}
