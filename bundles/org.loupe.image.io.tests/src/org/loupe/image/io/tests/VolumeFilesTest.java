package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageMetadata;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.io.dicom.DicomSeries;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

class VolumeFilesTest {

    @TempDir
    Path dir;

    /** A small CT-like volume: integer HU from -1024 to 1500, slices 2.5 mm apart towards the head. */
    private static Volume ct() {
        return ct(1);
    }

    /** The same with slices running towards the head (+1) or the feet (-1). */
    private static Volume ct(int zDirection) {
        VoxelGeometry g = new VoxelGeometry(0.75, 0.8, 2.5, new double[] {-120.5, -90.25, 310},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, zDirection});
        Volume v = Volume.create(23, 17, 9, g);
        Random r = new Random(3);
        for (int i = 0; i < v.data().length; i++) {
            v.data()[i] = -1024 + r.nextInt(2525);
        }
        return v.with(g, ImageMetadata.builder().name("ct").build());
    }

    private static void assertSameVolume(Volume expected, Volume actual, double tolerance) {
        assertEquals(expected.width(), actual.width());
        assertEquals(expected.height(), actual.height());
        assertEquals(expected.depth(), actual.depth());
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(expected.data()[i], actual.data()[i], tolerance, "voxel " + i);
        }
        VoxelGeometry e = expected.geometry();
        VoxelGeometry a = actual.geometry();
        assertArrayEquals(new double[] {e.spacingX(), e.spacingY(), e.spacingZ()},
                new double[] {a.spacingX(), a.spacingY(), a.spacingZ()}, 1e-4);
        assertArrayEquals(e.origin(), a.origin(), 1e-3);
        assertArrayEquals(e.direction(), a.direction(), 1e-5);
    }

    @Test
    void aDicomSeriesComesBackAsTheVolumeItWasWrittenFrom() throws LoupeException {
        Volume v = ct();
        List<Path> files = VolumeFiles.writeDicomSeries(v, dir.resolve("series"), "CT", "phantom");
        assertEquals(9, files.size());
        Volume back = VolumeFiles.read(dir.resolve("series"), ReadOptions.defaults());
        assertSameVolume(v, back, 0);
        assertEquals("phantom", back.metadata().name());
    }

    @Test
    void slicesWrittenFeetFirstComeBackHeadFirstWithEveryVoxelInItsPlace() throws LoupeException {
        Volume v = ct(-1);
        VolumeFiles.writeDicomSeries(v, dir.resolve("ff"), "CT", "feet first");
        Volume back = VolumeFiles.read(dir.resolve("ff"), ReadOptions.defaults());
        int last = v.depth() - 1;
        for (int k = 0; k <= last; k++) {
            assertEquals(v.get(3, 4, last - k), back.get(3, 4, k));
            assertArrayEquals(v.geometry().position(3, 4, last - k), back.geometry().position(3, 4, k), 1e-3);
        }
    }

    @Test
    void slicesAreOrderedByPositionNotByFileName() throws LoupeException, IOException {
        Volume v = ct();
        List<Path> files = VolumeFiles.writeDicomSeries(v, dir.resolve("a"), "CT", "shuffled");
        // rename so that name order is the reverse of position order
        Path shuffled = Files.createDirectories(dir.resolve("b"));
        for (int k = 0; k < files.size(); k++) {
            Files.move(files.get(k), shuffled.resolve("x" + (files.size() - k) + ".dcm"));
        }
        assertSameVolume(v, VolumeFiles.read(shuffled, ReadOptions.defaults()), 0);
    }

    @Test
    void aFolderOfMixedFilesIsGroupedBySeries() throws LoupeException, IOException {
        VolumeFiles.writeDicomSeries(ct(), dir.resolve("mixed/one"), "CT", "first");
        VolumeFiles.writeDicomSeries(ct(), dir.resolve("mixed/two"), "CT", "second");
        Files.writeString(dir.resolve("mixed/notes.txt"), "not DICOM");
        List<DicomSeries> series = VolumeFiles.dicomSeries(List.of(dir.resolve("mixed")), ReadOptions.defaults());
        assertEquals(2, series.size());
        assertEquals(9, series.get(0).files().size());
        LoupeException e = assertThrows(LoupeException.class, () -> VolumeFiles.read(dir.resolve("mixed"),
                ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("holds 2 DICOM series (CT 'first', 9 files"), e.getMessage());
    }

    @Test
    void aMissingSliceIsRefusedAsUnevenSpacing() throws LoupeException, IOException {
        List<Path> files = VolumeFiles.writeDicomSeries(ct(), dir.resolve("gap"), "CT", "gap");
        Files.delete(files.get(4));
        LoupeException e = assertThrows(LoupeException.class, () -> VolumeFiles.read(dir.resolve("gap"),
                ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("is unevenly spaced (slice gaps from 2.500 to 5.000 mm"), e.getMessage());
    }

    @Test
    void aDamagedSliceIsNamedRatherThanHiddenBehindAGap() throws LoupeException, IOException {
        List<Path> files = VolumeFiles.writeDicomSeries(ct(), dir.resolve("damaged"), "CT", "damaged");
        byte[] head = Arrays.copyOf(Files.readAllBytes(files.get(4)), 300);
        Files.write(files.get(4), head);
        Files.writeString(dir.resolve("damaged/README"), "notes beside the slices are not DICOM and are passed over");
        assertRefused(dir.resolve("damaged"), files.get(4).getFileName() + ": is truncated");
    }

    @Test
    void fractionalValuesSurviveDicomWithinTheRescaleStep() throws LoupeException {
        Volume v = ct();
        for (int i = 0; i < v.data().length; i++) {
            v.data()[i] = v.data()[i] / 7f;
        }
        VolumeFiles.writeDicomSeries(v, dir.resolve("float"), "CT", "float");
        Volume back = VolumeFiles.read(dir.resolve("float"), ReadOptions.defaults());
        double step = (2524 / 7.0) / 65534;
        assertSameVolume(v, back, step);
    }

    @Test
    void niftiKeepsValuesAndGeometryGzippedOrNot() throws LoupeException {
        Volume v = ct();
        for (String name : new String[] {"ct.nii", "ct.nii.gz"}) {
            VolumeFiles.writeNifti(v, dir.resolve(name));
            assertSameVolume(v, VolumeFiles.read(dir.resolve(name), ReadOptions.defaults()), 0);
        }
    }

    @Test
    void aTruncatedNiftiFileIsRefusedInOneLine() throws LoupeException, IOException {
        VolumeFiles.writeNifti(ct(), dir.resolve("whole.nii"));
        byte[] b = Files.readAllBytes(dir.resolve("whole.nii"));
        Files.write(dir.resolve("cut.nii"), java.util.Arrays.copyOf(b, b.length / 2));
        LoupeException e = assertThrows(LoupeException.class, () -> VolumeFiles.read(dir.resolve("cut.nii"),
                ReadOptions.defaults()));
        assertTrue(e.getMessage().endsWith("cut.nii: is truncated (1671 of 3519 voxels)"), e.getMessage());
    }

    @Test
    void aNiftiHeaderDeclaringAGigavoxelVolumeIsRefusedWithoutReservingIt() throws LoupeException, IOException {
        // 1000 x 1000 x 1000 float voxels: under the voxel limit, 4 GB once read, and no data behind the header
        Path base = patched("giga.nii", 42, (byte) 0xE8, (byte) 0x03, (byte) 0xE8, (byte) 0x03, (byte) 0xE8,
                (byte) 0x03);
        byte[] header = Arrays.copyOf(Files.readAllBytes(base), 352);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        for (String name : new String[] {"giga.nii", "giga.nii.gz"}) {
            Path file = dir.resolve(name);
            if (name.endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(header);
                }
            } else {
                Files.write(file, header);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            LoupeException e = assertThrows(LoupeException.class, () -> VolumeFiles.read(file,
                    ReadOptions.defaults()));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
            assertTrue(allocated < 64L << 20, name + " allocated " + (allocated >> 20) + " MB before refusing");
        }
    }

    /** A written NIfTI file with one header field changed. */
    private Path patched(String name, int offset, byte... bytes) throws LoupeException, IOException {
        VolumeFiles.writeNifti(ct(), dir.resolve("base.nii"));
        byte[] b = Files.readAllBytes(dir.resolve("base.nii"));
        System.arraycopy(bytes, 0, b, offset, bytes.length);
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void niftiVariantsLoupeDoesNotReadAreRefusedByName() throws LoupeException, IOException {
        // dim[0] = 4 with 3 volumes in dim[4]: a time series
        Path fourD = patched("4d.nii", 40, (byte) 4, (byte) 0, (byte) 23, (byte) 0, (byte) 17, (byte) 0, (byte) 9,
                (byte) 0, (byte) 3, (byte) 0);
        assertRefused(fourD, "is 4-D (3 along dimension 4); Loupe reads 2-D and 3-D images");
        assertRefused(patched("pair.nii", 344, (byte) 'n', (byte) 'i', (byte) '1'), "NIfTI pair (.hdr/.img)");
        assertRefused(patched("rgb.nii", 70, (byte) 128, (byte) 0), "has NIfTI data type 128");
        assertRefused(patched("huge.nii", 42, (byte) 0xFF, (byte) 0x7F, (byte) 0xFF, (byte) 0x7F), "over the limit");
    }

    private static void assertRefused(Path file, String fragment) {
        LoupeException e = assertThrows(LoupeException.class, () -> VolumeFiles.read(file, ReadOptions.defaults()));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
