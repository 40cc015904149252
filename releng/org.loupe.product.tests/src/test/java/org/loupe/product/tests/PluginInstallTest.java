package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What issue 22 promises a lab and an integrator: the released product archive unpacked somewhere (an installation,
 * not the build tree); the example plugin built by its standalone build against the SDK repository, signed by the
 * example's own key; then install, list, run, update, uninstall from the command line, and the refusals (unknown
 * signer, tampered jar, a plugin needing a newer API) each leaving the installation exactly as it was; then the same
 * install through the workbench's Help > Install Plugins..., under Xvfb.
 */
class PluginInstallTest {

    private static final Path SAMPLE = Launcher.samples().resolve("pcb-test.png");

    @Test
    void anIntegratorsPluginInstallsRunsUpdatesAndUninstallsAndBadOnesAreRefusedWithNothingChanged() throws Exception {
        Path work = Launcher.fresh("plugins");
        Path product = unpack(Path.of(System.getProperty("loupe.archive")), work.resolve("installed"));
        Installed loupe = new Installed(product);
        Path site = buildExample(work.resolve("example-1.0.0"), null);
        Path newer = buildExample(work.resolve("example-1.1.0"), "1.1.0-SNAPSHOT");

        String before = state(product);
        Launcher.Run unknown = loupe.run("plugins", "install", site.toString());
        assertEquals(3, unknown.exitCode(), unknown.toString());
        assertEquals("loupe: refused: signed by an unknown key: Example Lab (test key) (install with --trust to "
                + "accept it)", last(unknown.err()), unknown.toString());
        assertEquals(before, state(product), "a refused install changes nothing");

        Path tampered = tamper(site, work.resolve("tampered"));
        Launcher.Run changed = loupe.run("plugins", "install", "--trust", tampered.toString());
        assertEquals(3, changed.exitCode(), changed.toString());
        assertTrue(last(changed.err()).matches("loupe: refused: com\\.example\\.loupe\\.spots_1\\.0\\.0\\.\\d+\\.jar "
                + "was changed after it was signed .*"), changed.toString());
        assertEquals(before, state(product), "a tampered jar changes nothing");

        Path future = needsNewerApi(site, work.resolve("future"));
        Launcher.Run incompatible = loupe.run("plugins", "install", "--trust", future.toString());
        assertEquals(3, incompatible.exitCode(), incompatible.toString());
        assertTrue(last(incompatible.err()).matches("loupe: refused: com\\.example\\.loupe\\.spots \\S+ needs package "
                + "org\\.loupe\\.api \\[9\\.0\\.0,10\\.0\\.0\\); this Loupe has org\\.loupe\\.api 1\\.\\d+\\.\\d+"),
                incompatible.toString());
        assertEquals(before, state(product), "an incompatible plugin changes nothing");

        Launcher.Run install = loupe.run("plugins", "install", "--trust", site.toString());
        assertEquals(0, install.exitCode(), install.toString());
        assertTrue(install.out().startsWith("installed com.example.loupe.spots.feature 1.0.0."), install.toString());
        Launcher.Run listed = loupe.run("plugins");
        assertTrue(listed.out().lines().anyMatch(l -> l.startsWith("example.spots ") && l.contains("READY")),
                listed.toString());
        Launcher.Run installed = loupe.run("plugins", "--installed");
        assertTrue(installed.out().lines().anyMatch(l -> l.startsWith("com.example.loupe.spots.feature  1.0.0.")
                && l.contains("Example Lab (test key)")), installed.toString());
        Launcher.Run detect = loupe.run("detect", "--with", "example.spots", SAMPLE.toString());
        assertEquals(0, detect.exitCode(), detect.toString());
        assertTrue(detect.out().contains("dark-spot"), detect.toString());

        Launcher.Run source = loupe.run("plugins", "sources", "add", newer.toString());
        assertEquals(0, source.exitCode(), source.toString());
        Launcher.Run update = loupe.run("plugins", "update", "--trust");
        assertEquals(0, update.exitCode(), update.toString());
        assertTrue(update.out().startsWith("updated com.example.loupe.spots.feature to 1.1.0."), update.toString());
        assertTrue(loupe.run("plugins", "--installed").out().contains("com.example.loupe.spots.feature  1.1.0."),
                "1.1.0 listed");
        assertTrue(loupe.run("plugins").out().lines().anyMatch(l -> l.startsWith("example.spots ")
                && l.contains("com.example.loupe.spots")), "the updated detector is there");

        Launcher.Run uninstall = loupe.run("plugins", "uninstall", "com.example.loupe.spots.feature");
        assertEquals(0, uninstall.exitCode(), uninstall.toString());
        assertFalse(loupe.run("plugins").out().contains("example.spots"), "gone from the providers");
        assertFalse(Files.readString(bundlesInfo(product)).contains("com.example"), "gone from bundles.info");
        Launcher.Run builtIn = loupe.run("plugins", "uninstall", "org.loupe.core.feature");
        assertEquals(2, builtIn.exitCode(), builtIn.toString());
        assertEquals("loupe: org.loupe.core.feature is part of Loupe itself and is not uninstalled on its own",
                last(builtIn.err()));

        installsForOneUser(loupe, product, site);
        installsThroughTheWorkbench(product, site, work.resolve("screenshots"));
    }

    /** With --user (as when the product folder is read-only) a plugin is this user's alone; the product untouched. */
    private static void installsForOneUser(Installed loupe, Path product, Path site) throws Exception {
        String before = state(product);
        Launcher.Run mine = loupe.run("plugins", "install", "--user", "--trust", site.toString());
        assertEquals(0, mine.exitCode(), mine.toString());
        assertEquals(before, state(product), "the product is untouched");
        assertTrue(loupe.run("plugins").out().lines().anyMatch(l -> l.startsWith("example.spots ")),
                "this user has the detector");
        Launcher.Run detect = loupe.run("detect", "--with", "example.spots", SAMPLE.toString());
        assertEquals(0, detect.exitCode(), detect.toString());
        Launcher.Run gone = loupe.run("plugins", "uninstall", "--user", "com.example.loupe.spots.feature");
        assertEquals(0, gone.exitCode(), gone.toString());
        assertFalse(loupe.run("plugins").out().contains("example.spots"), "gone for this user too");
        assertEquals(before, state(product), "the product is still untouched");
    }

    /**
     * Help > Install Plugins... in the workbench of the unpacked product: lists the site, installs after the user
     * confirms the unknown signer, and the detector appears in the Plugins view of the running workbench; the view's
     * Uninstall Plugin... takes it out again.
     */
    private static void installsThroughTheWorkbench(Path product, Path site, Path screenshots) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("LOUPE_JAVA_OPTS", "-Dloupe.selftest.image=" + SAMPLE + " -Dloupe.selftest.enhancer=enhance.median"
                + " -Dloupe.selftest.screenshot=" + screenshots.resolve("window.png")
                + " -Dloupe.selftest.plugins.site=" + site + " -Dloupe.selftest.plugins.provider=example.spots"
                + " -Dloupe.selftest.plugins.screenshots=" + screenshots);
        try (XServer x = XServer.start()) {
            x.into(env);
            Launcher.Run ui = Launcher.runInstalled(product, env, "workbench");
            assertEquals(0, ui.exitCode(), ui.toString());
            assertTrue(ui.out().contains("LOUPE-SELFTEST PLUGINS OK listed=1 before=false after=true restart=false "
                    + "uninstalled=DONE"), ui.toString());
        }
        assertTrue(Files.isRegularFile(screenshots.resolve("install.png")), "the dialog was captured");
        Launcher.Run installed = new Installed(product).run("plugins", "--installed");
        assertFalse(installed.out().contains("com.example"), installed.toString());
    }

    /** The unpacked release, run through its own {@code loupe} script. */
    private record Installed(Path product) {
        Launcher.Run run(String... args) throws Exception {
            return Launcher.runInstalled(product, Map.of(), args);
        }
    }

    /** The product archive unpacked into {@code into}; its root folder. */
    private static Path unpack(Path archive, Path into) throws Exception {
        Files.createDirectories(into);
        exec(into, List.of("tar", "-xzf", archive.toString()), 5);
        return into.resolve("loupe");
    }

    /**
     * The example's update site, built by its own Maven build (a copy of examples/, as an integrator has it) against
     * the SDK repository, at {@code version} when given (as an integrator ships an update).
     */
    private static Path buildExample(Path copy, String version) throws Exception {
        copyTree(Path.of(System.getProperty("loupe.examples")), copy, true);
        String mvnw = System.getProperty("loupe.mvnw");
        String sdk = "-Dloupe.sdk=" + Path.of(System.getProperty("loupe.sdk")).toUri();
        if (version != null) {
            exec(copy, List.of(mvnw, "-B", "-q", "-f", "pom.xml", sdk,
                    "org.eclipse.tycho:tycho-versions-plugin:4.0.13:set-version", "-DnewVersion=" + version), 10);
        }
        // the first build runs the example's tests (its contract suite) as an integrator's build does; the update's
        // build has the same code
        exec(copy, List.of(mvnw, "-B", "-q", "-f", "pom.xml", sdk, "verify", "-DskipTests=" + (version != null)), 15);
        return copy.resolve("com.example.loupe.spots.site/target/repository");
    }

    /** A copy of the site whose bundle was changed after signing, with its checksums dropped from the metadata. */
    private static Path tamper(Path site, Path to) throws Exception {
        copyTree(site, to, false);
        Path jar = only(to.resolve("plugins"));
        Path changed = to.resolve("changed.jar");
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(changed))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                if (e.getName().endsWith("DarkSpotDetector.class")) {
                    out.write(0);
                }
                out.closeEntry();
            }
        }
        Files.move(changed, jar, StandardCopyOption.REPLACE_EXISTING);
        Path artifacts = to.resolve("artifacts.xml");
        Files.writeString(artifacts, Files.readString(artifacts).replaceAll(
                "\\s*<property name='(download\\.(md5|size|checksum\\.[a-z0-9-]+)|artifact\\.size)' value='[^']*'/>",
                ""));
        return to;
    }

    /** A copy of the site whose bundle asks for Loupe's API 9 (as one built for a future Loupe would). */
    private static Path needsNewerApi(Path site, Path to) throws Exception {
        copyTree(site, to, false);
        Path content = to.resolve("content.xml");
        String text = Files.readString(content);
        String needed = "name='org.loupe.api' range='[1.0.0,2.0.0)'";
        assertTrue(text.contains(needed), "the example imports org.loupe.api [1,2)");
        Files.writeString(content, text.replace(needed, "name='org.loupe.api' range='[9.0.0,10.0.0)'"));
        return to;
    }

    /** bundles.info and the names in plugins/ and features/: what decides what starts. */
    private static String state(Path product) throws IOException {
        StringBuilder sb = new StringBuilder(Files.readString(bundlesInfo(product)));
        for (String folder : List.of("plugins", "features")) {
            try (Stream<Path> s = Files.list(product.resolve(folder))) {
                s.map(p -> p.getFileName().toString()).sorted().forEach(n -> sb.append(folder).append('/').append(n)
                        .append('\n'));
            }
        }
        return sb.toString();
    }

    private static Path bundlesInfo(Path product) {
        return product.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
    }

    private static String last(String err) {
        List<String> lines = err.lines().filter(l -> l.startsWith("loupe: ")).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), folder + " holds one file");
            return all.get(0);
        }
    }

    /** Copies a folder; {@code skipBuilds} leaves out what builds wrote ({@code target/} folders). */
    private static void copyTree(Path from, Path to, boolean skipBuilds) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(p -> !skipBuilds || !from.relativize(p).toString().matches("(.*/)?target(/.*)?"))
                    .toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void exec(Path dir, List<String> command, int minutes) throws Exception {
        Path log = Files.createTempFile(Launcher.work(), "exec", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log
                .toFile()).start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + minutes + " min");
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + Files.readString(log));
    }
}
