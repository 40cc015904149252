package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Outputs stay inside {@code --out} whatever the inputs are called or hold (docs/RELIABILITY.md): paths through
 * {@code ..}, a DICOM series description written as a path, and a link planted in the output folder under an output's
 * name. Each test lists every file under its folder before and after the run.
 */
class OutputSafetyTest {

    private static Set<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !Files.isDirectory(p)).map(p -> root.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The files a run added, outside its output folder. */
    private static Set<String> addedOutside(Set<String> before, Set<String> after, String out) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        added.removeIf(p -> p.startsWith(out + "/"));
        return added;
    }

    @Test
    void anInputReachedThroughDotDotIsWrittenUnderItsOwnNameInsideOut() throws Exception {
        Path root = Launcher.fresh("escape-dotdot");
        Files.createDirectories(root.resolve("in/deep"));
        Files.copy(Launcher.samples().resolve("pcb-test.png"), root.resolve("in/deep/board.png"));
        Files.createDirectories(root.resolve("out"));
        Set<String> before = filesUnder(root);
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median",
                root.resolve("out/../in/deep/../deep/board.png").toString(), "--out", root.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(Set.of(), addedOutside(before, filesUnder(root), "out"));
        assertTrue(Files.isRegularFile(root.resolve("out/board.png")));
    }

    @Test
    void aDicomSeriesDescribedAsAPathIsConvertedInsideOut() throws Exception {
        Path pydicom = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
        assumeTrue(Files.isRegularFile(pydicom), "python3-pydicom is not installed (.ci/run installs it)");
        Path root = Launcher.fresh("escape-dicom");
        Path series = Files.createDirectories(root.resolve("in/series"));
        // three slices of pydicom's CT, one series, described as a path out of any folder it is written to
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import sys, pydicom",
                "for k in range(3):",
                "    d = pydicom.dcmread(sys.argv[1])",
                "    d.SeriesDescription = '../../../escaped'",
                "    d.ImagePositionPatient = [0.0, 0.0, 5.0 * k]",
                "    d.InstanceNumber = k + 1",
                "    d.SOPInstanceUID = d.SOPInstanceUID + '.' + str(k + 1)",
                "    d.save_as(sys.argv[2] + '/slice%d.dcm' % k)"), pydicom.toString(), series.toString())
                .inheritIO().start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, "pydicom wrote the series");
        Files.createDirectories(root.resolve("out/a/b"));
        Set<String> before = filesUnder(root);
        Launcher.Run run = Launcher.run("convert", series.toString(), "--format", "nii", "--out",
                root.resolve("out/a/b").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(Set.of(), addedOutside(before, filesUnder(root), "out/a/b"));
        List<String> written = filesUnder(root.resolve("out/a/b")).stream().toList();
        assertEquals(1, written.size(), written.toString());
        assertFalse(written.get(0).contains("/"), written.toString());
    }

    @Test
    void aLinkPlantedInOutUnderAnOutputsNameIsReplacedAndWhatItPointsAtIsUntouched() throws Exception {
        Path root = Launcher.fresh("escape-link");
        Files.createDirectories(root.resolve("in"));
        Files.copy(Launcher.samples().resolve("pcb-test.png"), root.resolve("in/board.png"));
        Path victim = Files.writeString(root.resolve("victim.txt"), "a file the run must not touch");
        byte[] kept = Files.readAllBytes(victim);
        Files.createDirectories(root.resolve("out"));
        Files.createSymbolicLink(root.resolve("out/board.png"), victim);
        Launcher.Run refused = Launcher.run("enhance", "--with", "enhance.median", root.resolve("in/board.png")
                .toString(), "--out", root.resolve("out").toString());
        assertEquals(2, refused.exitCode(), "an existing output name is not replaced unasked\n" + refused);
        Launcher.Run run = Launcher.run("enhance", "--with", "enhance.median", root.resolve("in/board.png")
                .toString(), "--out", root.resolve("out").toString(), "--overwrite");
        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(kept, Files.readAllBytes(victim));
        assertFalse(Files.isSymbolicLink(root.resolve("out/board.png")));
        assertTrue(Files.size(root.resolve("out/board.png")) > 1000);
    }
}
