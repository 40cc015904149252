package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PixelImage;
import org.loupe.image.WindowLevel;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

class ConversionTest {

    @TempDir
    Path dir;

    private Volume ct() {
        Volume v = Volume.create(12, 10, 4, VoxelGeometry.of(0.8, 0.8, 2));
        for (int i = 0; i < v.data().length; i++) {
            v.data()[i] = -1000 + (i * 37) % 2000;
        }
        return v.with(v.geometry(), ImageMetadata.builder().name("ct").build());
    }

    @Test
    void aDicomSeriesBecomesOneNiftiVolumeNamedByItsDescription() throws LoupeException {
        VolumeFiles.writeDicomSeries(ct(), dir.resolve("in/series"), "CT", "chest phantom");
        Conversion c = new Conversion(Conversion.Target.NII, null, ReadOptions.defaults());
        List<Conversion.Job> jobs = c.plan(List.of(dir.resolve("in/series")), dir.resolve("out"), false);
        assertEquals(1, jobs.size());
        assertEquals(dir.resolve("out/chest_phantom.nii.gz"), jobs.get(0).target());
        c.run(jobs.get(0));
        Volume back = VolumeFiles.read(dir.resolve("out/chest_phantom.nii.gz"), ReadOptions.defaults());
        assertEquals(4, back.depth());
    }

    @Test
    void aVolumeWrittenAsPngBecomesWindowedSlices() throws LoupeException {
        VolumeFiles.writeNifti(ct(), dir.resolve("ct.nii.gz"));
        Conversion c = new Conversion(Conversion.Target.PNG, WindowLevel.preset("abdomen"), ReadOptions.defaults());
        List<Path> written = c.run(c.plan(List.of(dir.resolve("ct.nii.gz")), dir.resolve("png"), false).get(0));
        assertEquals(List.of(dir.resolve("png/ct_z001.png"), dir.resolve("png/ct_z002.png"),
                dir.resolve("png/ct_z003.png"), dir.resolve("png/ct_z004.png")), written);
        PixelImage slice = ImageFiles.read(written.get(0));
        assertEquals(ImageFormat.PNG.name(), slice.metadata().property("format").orElseThrow());
        assertEquals(0, slice.getFloat(0, 0, 0), "-1000 HU is black in the abdomen window");
    }

    @Test
    void floatValuesAsPngWithoutAWindowAreRefusedBeforeAnythingIsLost() throws LoupeException {
        GrayF32 hu = GrayF32.create(8, 6);
        hu.set(1, 1, -500);
        ImageFiles.write(hu, dir.resolve("hu.tif"));
        Conversion c = new Conversion(Conversion.Target.PNG, null, ReadOptions.defaults());
        Conversion.Job job = c.plan(List.of(dir.resolve("hu.tif")), dir.resolve("out"), false).get(0);
        LoupeException e = assertThrows(LoupeException.class, () -> c.run(job));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertTrue(e.getMessage().contains("give a --window"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("out/hu.png")));
    }

    @Test
    void outputsNeverReplaceInputsOrEachOther() throws LoupeException {
        VolumeFiles.writeNifti(ct(), dir.resolve("a/x.nii"));
        VolumeFiles.writeNifti(ct(), dir.resolve("b/x.nii"));
        Conversion c = new Conversion(Conversion.Target.NII, null, ReadOptions.defaults());
        LoupeException clash = assertThrows(LoupeException.class, () -> c.plan(List.of(dir.resolve("a/x.nii"),
                dir.resolve("b/x.nii")), dir.resolve("out"), false));
        assertTrue(clash.getMessage().contains("would both be written to"), clash.getMessage());
        VolumeFiles.writeNifti(ct(), dir.resolve("c/y.nii.gz"));
        LoupeException self = assertThrows(LoupeException.class, () -> c.plan(List.of(dir.resolve("c/y.nii.gz")),
                dir.resolve("c"), false));
        assertTrue(self.getMessage().contains("an input of this run"), self.getMessage());
    }
}
