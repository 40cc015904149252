package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.io.dicom.DicomSlice;

/**
 * Loupe's DICOM reader against pydicom on the test files pydicom ships (Debian's python3-pydicom, which .ci/run
 * installs): every file is either read with the values pydicom gives ({@code pixel_array * slope + intercept}, as
 * float) or refused with one line; files pydicom cannot decode are refused too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PydicomReferenceTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final Path SCRIPT = Path.of("../../tools/reference/dicom_reference.py");

    @TempDir
    static Path reference;

    private final List<JsonObject> rows = new ArrayList<>();

    @BeforeAll
    void runPydicom() throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(TEST_FILES), "python3-pydicom is not installed (.ci/run installs it)");
        Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), "--out", reference.toString(),
                "--pydicom-test-files").redirectErrorStream(true).redirectOutput(reference.resolve("log.txt").toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "pydicom reference timed out");
        assertEquals(0, p.exitValue(), () -> read(reference.resolve("log.txt")));
        for (String line : Files.readAllLines(reference.resolve("index.jsonl"))) {
            rows.add(JsonParser.parseString(line).getAsJsonObject());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void readsWithPydicomsValuesOrRefusesInOneLine() throws IOException {
        assertTrue(rows.size() >= 60, "pydicom ships 68 test files, the reference lists " + rows.size());
        int equal = 0;
        List<String> mismatches = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (JsonObject row : rows) {
            Path file = Path.of(row.get("path").getAsString());
            String name = row.get("file").getAsString();
            boolean decodable = row.get("status").getAsString().equals("ok");
            DicomSlice slice;
            try {
                slice = VolumeFiles.readDicom(file, ReadOptions.defaults());
            } catch (LoupeException e) {
                assertEquals(LoupeException.Reason.INPUT, e.reason(), name);
                assertFalse(e.getMessage().contains("\n"), name + ": " + e.getMessage());
                assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
                if (decodable) {
                    refused.add(e.getMessage().substring(file.getParent().toString().length() + 1));
                }
                continue;
            }
            if (!decodable) {
                mismatches.add(name + ": read by Loupe, but pydicom says " + row.get("status").getAsString() + " "
                        + (row.has("error") ? row.get("error").getAsString() : ""));
                continue;
            }
            String problem = compare(slice, row, reference.resolve(name + ".f64"));
            if (problem == null) {
                equal++;
            } else {
                mismatches.add(name + ": " + problem);
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        // uncompressed, deflated and RLE files of every byte order, greyscale 1 to 32 bits and 8-bit RGB
        assertTrue(equal >= 25, "only " + equal + " files read equal to pydicom; refused where pydicom decodes:\n"
                + String.join("\n", refused));
    }

    /** Null if Loupe's frames hold exactly pydicom's values (as float32), else what differs. */
    private static String compare(DicomSlice slice, JsonObject row, Path values) throws IOException {
        List<Integer> shape = new ArrayList<>();
        row.getAsJsonArray("shape").forEach(e -> shape.add(e.getAsInt()));
        int frames = row.get("frames").getAsInt();
        int samples = row.get("samplesPerPixel").getAsInt();
        PixelImage first = slice.image();
        List<Integer> mine = new ArrayList<>();
        if (frames > 1) {
            mine.add(slice.frames().size());
        }
        mine.add(first.height());
        mine.add(first.width());
        if (samples > 1) {
            mine.add(first.bands());
        }
        if (!mine.equals(shape)) {
            return "shape " + mine + ", pydicom " + shape;
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(values)).order(ByteOrder.LITTLE_ENDIAN);
        for (PixelImage frame : slice.frames()) {
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    for (int c = 0; c < frame.bands(); c++) {
                        float expected = (float) b.getDouble();
                        float actual = frame.getFloat(x, y, c);
                        if (Float.compare(expected, actual) != 0) {
                            return "at (" + x + ", " + y + ", " + c + ") Loupe " + actual + ", pydicom " + expected;
                        }
                    }
                }
            }
        }
        return b.hasRemaining() ? "pydicom has more values" : null;
    }

    @Test
    void aCtSliceIsInHounsfieldUnitsWithItsGeometry() throws LoupeException {
        DicomSlice ct = VolumeFiles.readDicom(TEST_FILES.resolve("CT_small.dcm"), ReadOptions.defaults());
        assertEquals("CT", ct.modality());
        assertEquals("HU", ct.image().metadata().property("unit").orElseThrow());
        assertEquals(0.661468, ct.rowSpacing(), 1e-6);
        assertEquals(5.0, ct.sliceThickness(), 1e-9);
        assertEquals(3, ct.position().length);
        assertEquals(6, ct.orientation().length);
    }

    @Test
    void compressedFilesAreRefusedByTheirCompressionName() {
        LoupeException e = org.junit.jupiter.api.Assertions.assertThrows(LoupeException.class,
                () -> VolumeFiles.readDicom(TEST_FILES.resolve("JPEG2000.dcm"), ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("uses JPEG 2000 compression (transfer syntax 1.2.840.10008.1.2.4.91)"),
                e.getMessage());
    }
}
