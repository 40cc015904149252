package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/**
 * Volumes across tools: Loupe reads what nibabel and pydicom write, and they read what Loupe writes, with the same
 * values and geometry (tools/reference/volume_reference.py; Debian's python3-nibabel and python3-pydicom, which
 * .ci/run installs).
 */
class ReferenceVolumesTest {

    private static final Path SCRIPT = Path.of("../../tools/reference/volume_reference.py");

    @TempDir
    Path dir;

    private void python(String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/nibabel"))
                && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/pydicom")),
                "python3-nibabel and python3-pydicom are not installed (.ci/run installs them)");
        String[] command = new String[args.length + 2];
        command[0] = "/usr/bin/python3";
        command[1] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Path log = dir.resolve("python.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "reference script timed out");
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    private static JsonObject json(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    private static void assertValues(Path f64, Volume v) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f64)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(v.data().length * 8, b.capacity(), "voxel count");
        for (int i = 0; i < v.data().length; i++) {
            assertEquals((float) b.getDouble(), v.data()[i], "voxel " + i);
        }
    }

    private static double[] doubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }

    @Test
    void loupeReadsWhatNibabelAndPydicomWrite() throws Exception {
        python("make", dir.toString());
        Volume nifti = VolumeFiles.read(dir.resolve("nibabel.nii.gz"), ReadOptions.defaults());
        assertValues(dir.resolve("nibabel.f64"), nifti);
        JsonArray affine = json(dir.resolve("nibabel.json")).getAsJsonArray("affine");
        for (int c = 0; c < 3; c++) {
            // LPS position of one step along index axis c = RAS column c with x and y negated
            double[] ras = {affine.get(0).getAsJsonArray().get(c).getAsDouble(),
                affine.get(1).getAsJsonArray().get(c).getAsDouble(), affine.get(2).getAsJsonArray().get(c)
                    .getAsDouble()};
            double[] step = new double[3];
            double[] p0 = nifti.geometry().position(0, 0, 0);
            double[] p1 = nifti.geometry().position(c == 0 ? 1 : 0, c == 1 ? 1 : 0, c == 2 ? 1 : 0);
            for (int a = 0; a < 3; a++) {
                step[a] = p1[a] - p0[a];
            }
            assertArrayEquals(new double[] {-ras[0], -ras[1], ras[2]}, step, 1e-5, "axis " + c);
        }
        assertArrayEquals(new double[] {50.5, -20.25, -110}, nifti.geometry().origin(), 1e-4);

        Volume dicom = VolumeFiles.read(dir.resolve("pydicom"), ReadOptions.defaults());
        assertValues(dir.resolve("pydicom.f64"), dicom);
        JsonObject g = json(dir.resolve("pydicom.json"));
        assertArrayEquals(doubles(g.getAsJsonArray("origin")), dicom.geometry().origin(), 1e-9);
        VoxelGeometry dg = dicom.geometry();
        assertArrayEquals(doubles(g.getAsJsonArray("spacing")), new double[] {dg.spacingX(), dg.spacingY(),
            dg.spacingZ()}, 1e-9);
        assertArrayEquals(doubles(g.getAsJsonArray("direction")), dg.direction(), 1e-9);
    }

    @Test
    void nibabelAndPydicomReadWhatLoupeWrites() throws Exception {
        VoxelGeometry g = new VoxelGeometry(0.7, 0.8, 2.5, new double[] {-100, 50, -200},
                new double[] {1, 0, 0, 0, 0, -1, 0, 1, 0});
        Volume v = Volume.create(11, 6, 8, g);
        Random r = new Random(5);
        for (int i = 0; i < v.data().length; i++) {
            v.data()[i] = -1000 + r.nextInt(3000);
        }
        VolumeFiles.writeNifti(v, dir.resolve("loupe.nii.gz"));
        VolumeFiles.writeDicomSeries(v, dir.resolve("loupe-dicom"), "CT", "loupe");
        python("read", dir.resolve("loupe.nii.gz").toString(), dir.resolve("loupe-dicom").toString(),
                dir.resolve("check").toString());

        assertValues(dir.resolve("check/nifti.f64"), v);
        JsonObject n = json(dir.resolve("check/nifti.json"));
        assertEquals("int16", n.get("dtype").getAsString());
        for (String form : new String[] {"affine", "qform"}) {
            JsonArray a = n.getAsJsonArray(form);
            double[] p = g.position(2, 3, 4);
            double[] ras = new double[3];
            for (int row = 0; row < 3; row++) {
                JsonArray rw = a.get(row).getAsJsonArray();
                ras[row] = rw.get(0).getAsDouble() * 2 + rw.get(1).getAsDouble() * 3 + rw.get(2).getAsDouble() * 4
                        + rw.get(3).getAsDouble();
            }
            // a qform's quaternion is stored in float32 and its first component recomputed from the other three:
            // for a 180-degree rotation that costs a few micrometres at this distance
            assertArrayEquals(new double[] {-p[0], -p[1], p[2]}, ras, form.equals("affine") ? 1e-4 : 1e-2, form);
        }

        // coronal slices (slice normal towards the feet after sorting: pydicom and Loupe both sort by u x v)
        Volume dicomBack = VolumeFiles.read(dir.resolve("loupe-dicom"), ReadOptions.defaults());
        assertValues(dir.resolve("check/dicom.f64"), dicomBack);
        JsonObject d = json(dir.resolve("check/dicom.json"));
        assertEquals("CT", d.get("modality").getAsString());
        assertArrayEquals(dicomBack.geometry().origin(), doubles(d.getAsJsonArray("origin")), 1e-4);
        assertArrayEquals(new double[] {0.7, 0.8}, doubles(d.getAsJsonArray("spacing")), 1e-9);
    }

    @Test
    void aCorruptGzipIsRefusedInOneLine() throws IOException {
        Path f = dir.resolve("bad.nii.gz");
        Files.write(f, new byte[] {0x1F, (byte) 0x8B, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8});
        LoupeException e = org.junit.jupiter.api.Assertions.assertThrows(LoupeException.class,
                () -> VolumeFiles.read(f, ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
