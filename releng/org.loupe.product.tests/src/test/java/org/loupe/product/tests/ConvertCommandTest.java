package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code loupe convert} on DICOM and NIfTI made by other software: pydicom's own test files (Debian's
 * python3-pydicom, which .ci/run installs) are each converted or refused with one line, and a CT slice's TIFF holds
 * pydicom's Hounsfield units.
 */
class ConvertCommandTest {

    private static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final Path TOOLS = Path.of("../../tools/reference");

    private static List<Path> pydicomFiles() throws IOException {
        assumeTrue(Files.isDirectory(TEST_FILES), "python3-pydicom is not installed (.ci/run installs it)");
        try (Stream<Path> s = Files.list(TEST_FILES)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted().toList();
        }
    }

    private static void python(Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    @Test
    void everyPydicomTestFileIsConvertedOrRefusedInOneLine() throws Exception {
        List<Path> files = pydicomFiles();
        Path out = Launcher.fresh("convert-pydicom");
        List<String> args = new ArrayList<>(List.of("convert", "--out", out.toString()));
        files.forEach(f -> args.add(f.toString()));
        Launcher.Run run = Launcher.run(args.toArray(String[]::new));
        assertEquals(3, run.exitCode(), "some files are compressed or hold no image: exit 3\n" + run);
        List<String> refused = run.err().lines().filter(l -> !l.isBlank()).toList();
        List<String> wrote = run.out().lines().filter(l -> l.startsWith("wrote ")).toList();
        assertEquals(files.size(), refused.size() + wrote.size(), run.toString());
        for (String line : refused) {
            assertTrue(line.startsWith("loupe: " + TEST_FILES + "/"), line);
        }
        // 25 files decode; the 16- and 32-bit colour ones have no output format, multi-frame ones print one line
        assertTrue(wrote.size() >= 20, run.toString());
        assertTrue(run.err().contains("JPEG2000.dcm: uses JPEG 2000 compression"), run.err());
        assertTrue(run.err().contains("rtplan.dcm: holds no pixel data"), run.err());
    }

    @Test
    void aCtSliceBecomesAFloatTiffInPydicomsHounsfieldUnits() throws Exception {
        pydicomFiles();
        Path out = Launcher.fresh("convert-ct");
        Launcher.Run run = Launcher.run("convert", TEST_FILES.resolve("CT_small.dcm").toString(), "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        python(out.resolve("python.log"), TOOLS.resolve("dicom_reference.py").toString(), "--out",
                out.resolve("ref").toString(), TEST_FILES.resolve("CT_small.dcm").toString());
        ByteBuffer hu = ByteBuffer.wrap(Files.readAllBytes(out.resolve("ref/CT_small.dcm.f64")))
                .order(ByteOrder.LITTLE_ENDIAN);
        Raster r = readRaster(out.resolve("CT_small.tif"));
        assertEquals(128, r.getWidth());
        float min = Float.MAX_VALUE;
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                float expected = (float) hu.getDouble();
                assertEquals(expected, r.getSampleFloat(x, y, 0), "HU at " + x + "," + y);
                min = Math.min(min, expected);
            }
        }
        assertTrue(min < 0, "Hounsfield units below water survive: " + min);
    }

    private static Raster readRaster(Path tiff) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
            reader.setInput(in);
            // the JDK's reader keeps float samples in the raster of the image it returns
            return reader.read(0).getRaster();
        }
    }

    @Test
    void aDicomSeriesBecomesOneNiftiVolumeAndItsSlicesComeBack() throws Exception {
        pydicomFiles();
        Path work = Launcher.fresh("convert-series");
        python(work.resolve("python.log"), TOOLS.resolve("volume_reference.py").toString(), "make",
                work.resolve("made").toString());
        Launcher.Run nii = Launcher.run("convert", work.resolve("made/pydicom").toString(), "--format", "nii",
                "--out", work.resolve("nii").toString());
        assertEquals(0, nii.exitCode(), nii.toString());
        Path volume = work.resolve("nii/pydicom_phantom.nii.gz");
        assertTrue(Files.isRegularFile(volume), nii.toString());
        Launcher.Run slices = Launcher.run("convert", volume.toString(), "--window", "400/40", "--out",
                work.resolve("png").toString());
        assertEquals(0, slices.exitCode(), slices.toString());
        assertTrue(slices.out().contains("wrote 5 slices pydicom_phantom_z001.png ... pydicom_phantom_z005.png"),
                slices.out());
        Launcher.Run again = Launcher.run("convert", volume.toString(), "--window", "400/40", "--out",
                work.resolve("png").toString());
        assertEquals(2, again.exitCode(), "existing outputs are not replaced without --overwrite\n" + again);
        Launcher.Run median = Launcher.run("enhance", "--with", "enhance.median", "-p", "depth=3", volume.toString(),
                "--out", work.resolve("median").toString());
        assertEquals(0, median.exitCode(), median.toString());
        assertTrue(median.out().contains("(volume 9x6x5"), median.out());
        assertTrue(median.err().contains("100% median 3x3x3"), "long work shows progress: " + median.err());
        assertTrue(Files.isRegularFile(work.resolve("median/pydicom_phantom.nii.gz")));
    }
}
