package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.image.io.ImageFiles;
import org.osgi.framework.FrameworkUtil;

/**
 * A model folder an earlier Loupe wrote must load in this one and detect what it detected then: what a lab's saved
 * models rely on. A detector's test bundle commits such a fixture as it was written ({@code model/}, the
 * {@code images/} it was run on and the {@code expected.txt} that version's {@code loupe detect} printed, one
 * detection a line: image, label, x1, y1, x2, y2, score) and extends this class; fixtures are never regenerated,
 * only added when a version changes the format.
 */
public abstract class DetectorModelCompatibility {

    /** Detections scored within this of the fixture's threshold may fall either side of it on another CPU. */
    private static final double EDGE = 1e-4;

    @TempDir
    Path dir;

    /** The provider under test. */
    protected abstract DefectDetector detector();

    /** The fixture's folder inside the test bundle, e.g. {@code fixtures/made-by-1.3.0}. */
    protected abstract String fixture();

    /** The score threshold {@code expected.txt} was made with. */
    protected double threshold() {
        return 0.1;
    }

    /**
     * The fixture's model rebuilt by this version's trainer ({@code -p rebuild-from}) into {@code out}, or null for a
     * detector whose trainer does not rebuild models. Subclasses that override this also check the rebuilt folder's
     * own promises (its weights, its record).
     */
    protected Path rebuild(Path model, Path out) throws Exception {
        return null;
    }

    @Test
    void aModelFolderOfAnEarlierVersionDetectsWhatItDetectedThen() throws Exception {
        copy(fixture(), dir);
        assertDetectsAsThen(dir.resolve("model"));
    }

    @Test
    void aModelFolderOfAnEarlierVersionRebuiltByThisOneDetectsWhatItDetectedThen() throws Exception {
        copy(fixture(), dir);
        Path rebuilt = rebuild(dir.resolve("model"), dir.resolve("rebuilt"));
        Assumptions.assumeTrue(rebuilt != null, "this detector's trainer does not rebuild models");
        assertDetectsAsThen(rebuilt);
    }

    private void assertDetectsAsThen(Path model) throws Exception {
        Parameters p = Parameters.bind(detector().parameters(), Map.of("model", model.toString(),
                "min-score", Double.toString(threshold())));
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank() && score(line) > threshold() + EDGE).toList();
        assertFalse(expected.isEmpty(), "the fixture lists no detection");
        List<String> found = new ArrayList<>();
        try (var files = Files.list(dir.resolve("images"))) {
            for (Path image : files.sorted().toList()) {
                List<Detection> d = new ArrayList<>(detector().detect(ImageFiles.read(image), null,
                        ProcessingContext.of(p)));
                d.sort(Comparator.comparingDouble(Detection::score).reversed());
                for (Detection x : d) {
                    if (x.score() > threshold() + EDGE) {
                        found.add(line(image.getFileName().toString(), x));
                    }
                }
            }
        }
        assertEquals(expected.size(), found.size(), "detections: " + found);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(close(expected.get(i), found.get(i)), "expected " + expected.get(i) + ", found " + found.get(i));
        }
    }

    private static double score(String line) {
        return Double.parseDouble(line.split(" ")[6]);
    }

    private static String line(String image, Detection d) {
        return String.format(Locale.ROOT, "%s %s %.6f %.6f %.6f %.6f %.8f", image, d.label(), d.x1(), d.y1(), d.x2(),
                d.y2(), d.score());
    }

    /** Same image and label; boxes within a hundredth of a pixel and scores within 1e-5 (float rounding). */
    private static boolean close(String expected, String found) {
        String[] e = expected.split(" ");
        String[] f = found.split(" ");
        if (!e[0].equals(f[0]) || !e[1].equals(f[1])) {
            return false;
        }
        for (int k = 2; k < 7; k++) {
            if (Math.abs(Double.parseDouble(e[k]) - Double.parseDouble(f[k])) > (k == 6 ? 1e-5 : 1e-2)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies a folder of the test bundle to {@code to}; a test fragment's files are found through its host, by
     * findEntries (getEntry sees the host's own only).
     */
    private void copy(String folder, Path to) throws IOException {
        Enumeration<URL> entries = FrameworkUtil.getBundle(getClass()).findEntries(folder, "*", true);
        assertTrue(entries != null, "no " + folder + " in the test bundle");
        for (URL url : Collections.list(entries)) {
            String path = url.getPath();
            String relative = path.substring(path.indexOf(folder) + folder.length()).replaceFirst("^/", "");
            if (relative.isEmpty() || path.endsWith("/")) {
                continue;
            }
            Path target = to.resolve(relative);
            Files.createDirectories(target.getParent());
            try (InputStream in = url.openStream()) {
                Files.copy(in, target);
            }
        }
    }
}
