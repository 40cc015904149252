package org.loupe.image.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageMetadata;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

class VolumeTest {

    /** A 4x3x2 volume whose sample at (i, j, k) is 100k + 10j + i, so every read names its voxel. */
    private static Volume numbered() {
        Volume v = Volume.create(4, 3, 2, VoxelGeometry.of(0.7, 0.8, 2.5));
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 4; i++) {
                    v.set(i, j, k, 100 * k + 10 * j + i);
                }
            }
        }
        return v.with(v.geometry(), ImageMetadata.builder().name("ct").build());
    }

    @Test
    void axialAndCoronalSlicesShareTheVolumesSamples() {
        Volume v = numbered();
        GrayF32 axial = v.slice(Plane.AXIAL, 1);
        assertEquals(4, axial.width());
        assertEquals(3, axial.height());
        assertEquals(121, axial.get(1, 2));
        assertSame(v.data(), axial.data());
        axial.set(0, 0, -5);
        assertEquals(-5, v.get(0, 0, 1));

        GrayF32 coronal = v.slice(Plane.CORONAL, 2);
        assertEquals(4, coronal.width());
        assertEquals(2, coronal.height());
        assertEquals(123, coronal.get(3, 1));
        assertSame(v.data(), coronal.data());
    }

    @Test
    void sagittalSlicesHoldRowsAcrossAndSlicesDown() {
        GrayF32 sagittal = numbered().slice(Plane.SAGITTAL, 3);
        assertEquals(3, sagittal.width());
        assertEquals(2, sagittal.height());
        assertEquals(123, sagittal.get(2, 1));
        assertEquals(13, sagittal.get(1, 0));
    }

    @Test
    void slicesAreCalibratedInMillimetresAndNamed() {
        Volume v = numbered();
        assertEquals(0.7, v.slice(Plane.AXIAL, 0).metadata().calibration().pixelWidth());
        assertEquals(2.5, v.slice(Plane.CORONAL, 0).metadata().calibration().pixelHeight());
        assertEquals(0.8, v.slice(Plane.SAGITTAL, 0).metadata().calibration().pixelWidth());
        assertEquals("mm", v.slice(Plane.SAGITTAL, 0).metadata().calibration().unit());
        assertEquals("ct coronal 2", v.slice(Plane.CORONAL, 2).metadata().name());
        assertThrows(IndexOutOfBoundsException.class, () -> v.slice(Plane.AXIAL, 2));
    }

    @Test
    void aVoxelsPositionFollowsSpacingOriginAndAxes() {
        // axial slices of a patient lying feet first: rows run to the back, slices run to the feet
        VoxelGeometry g = new VoxelGeometry(0.5, 0.5, 2, new double[] {-100, -50, 300},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, -1});
        assertArrayEquals(new double[] {-99, -48.5, 294}, g.position(2, 3, 3), 1e-12);
        assertEquals(0.5, g.voxelVolume());
    }

    @Test
    void refusesSizesOneArrayCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Volume.create(2048, 2048, 1024, VoxelGeometry.UNIT));
        assertThrows(IllegalArgumentException.class, () -> Volume.wrap(new float[5], 2, 2, 2, VoxelGeometry.UNIT,
                ImageMetadata.EMPTY));
    }
}
