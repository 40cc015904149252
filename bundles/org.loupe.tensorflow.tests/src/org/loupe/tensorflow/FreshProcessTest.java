package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.testing.OsgiServices;
import org.loupe.testing.SyntheticImages;
import org.osgi.framework.Bundle;

/** An exported model gives bit-identical outputs when a new JVM, with nothing shared, loads it. */
class FreshProcessTest {

    @Test
    void anExportedModelReloadedInAFreshProcessGivesBitIdenticalOutputs(@TempDir Path dir) throws Exception {
        Path model = TestModels.export(dir.resolve("model"), 2, 0, 0, tf -> { });
        PixelImage in = SyntheticImages.scene(ImageType.GRAY_F32, 37, 29, 5);
        ReloadMain.write(in, dir.resolve("in.bin"));
        try (ModelHandle m = ModelHandle.load(model)) {
            ReloadMain.write(m.apply(in, PixelType.FLOAT32), dir.resolve("expected.bin"));
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath()));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.addAll(List.of(ReloadMain.class.getName(), model.toString(), dir.resolve("in.bin").toString(),
                dir.resolve("actual.bin").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), new String(log, StandardCharsets.UTF_8) + " with " + cmd);
        assertArrayEquals(Files.readAllBytes(dir.resolve("expected.bin")),
                Files.readAllBytes(dir.resolve("actual.bin")));
    }

    /**
     * Every installed bundle as a plain class path entry (a folder bundle's compiled classes under target/).
     * Equinox records locations relative to its install area, e.g. "initial@reference:file:../../x.jar".
     */
    private static String classPath() {
        Path installArea = Path.of(URI.create(System.getProperty("osgi.install.area")));
        Set<String> entries = new LinkedHashSet<>();
        for (Bundle b : OsgiServices.context().getBundles()) {
            String loc = b.getLocation();
            int file = loc.indexOf("file:");
            if (b.getBundleId() == 0 || file < 0) {
                continue;
            }
            File f = installArea.resolve(loc.substring(file + "file:".length())).normalize().toFile();
            File classes = new File(f, "target/classes");
            entries.add((classes.isDirectory() ? classes : f).getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
