package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.SliceOverlay;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.pipeline.liver.CaseOutputs;

class CaseOutputsTest {

    private static final Pipeline LIVER = new Pipeline("liver", new NameRule("{name}/ct"), List.of(), List.of(
            new Step.Segment("segment.liver.em", Map.of(), null, false),
            new Step.Lesions("classify.liver.lesion", Map.of(), null, null),
            new Step.Segment("locate.couinaud", Map.of(), null, true)), null, false, "", true);

    @TempDir
    Path dir;

    private Volume volume(float value) {
        Volume v = Volume.create(8, 6, 4, VoxelGeometry.of(0.8, 0.8, 2.5));
        java.util.Arrays.fill(v.data(), value);
        return v;
    }

    private ItemResult written(String table, String... outputs) throws Exception {
        VolumeFiles.writeNifti(volume(40), dir.resolve("case-001.nii.gz"));
        for (String o : outputs) {
            if (o.endsWith(".nii.gz")) {
                VolumeFiles.writeNifti(volume(o.contains("couinaud") ? 7 : 1), dir.resolve(o));
            }
        }
        Files.writeString(dir.resolve("case-001.lesions.csv"), table);
        List<String> listed = new java.util.ArrayList<>(List.of(outputs));
        listed.add("case-001.lesions.csv");
        return new ItemResult(dir.resolve("case-001.nii.gz").toString(), "case-001", ItemResult.OK, 0, null, listed,
                List.of(), Map.of(), Map.of(), List.of(), 1, "");
    }

    @Test
    void aCaseReadsBackWithItsMasksLesionsAndTheirSegments() throws Exception {
        ItemResult r = written("lesion,x_mm,y_mm,z_mm,diameter_mm,volume_mm3,mean_hu,label,confidence,p_tumour,"
                + "segment.liver.em,locate.couinaud,heat_map\n"
                + "1,10.0,20.0,30.0,18.2,3000,40.0,tumour,0.9700,0.9700,1,7,case-001.lesion-01.png\n"
                + "2,12.0,22.0,32.0,6.0,100,90.0,normal,0.8000,0.1000,1,0,\n",
                "case-001.segment.liver.em.nii.gz", "case-001.classify.liver.lesion.nii.gz",
                "case-001.locate.couinaud.nii.gz");
        CaseOutputs c = CaseOutputs.read(LIVER, r, dir, ReadOptions.defaults());
        assertEquals(List.of("segment.liver.em", "locate.couinaud"), List.copyOf(c.labels().keySet()));
        assertEquals(7f, c.labels().get("locate.couinaud").get(1, 1, 1));
        assertEquals(40f, c.ct().get(0, 0, 0));
        assertEquals(1f, c.lesions().get(0, 0, 0));
        assertNull(c.saliency(), "no saliency volume was written");
        assertEquals("tumour 0.97, 18 mm, segment 7", c.rows().get(1).caption());
        assertEquals(Map.of("locate.couinaud", 0), c.rows().get(2).located());
        List<SliceOverlay> overlays = c.overlays();
        assertEquals(List.of("segment.liver.em", "locate.couinaud", CaseOutputs.LESIONS), overlays.stream()
                .map(SliceOverlay::name).toList());
        SliceOverlay lesions = overlays.get(2);
        assertArrayEquals(CaseOutputs.verdictColour("tumour"), lesions.colours().apply(1));
        assertNull(lesions.colours().apply(2), "a candidate called normal is not drawn");
        assertNull(lesions.colours().apply(3), "nor one the table does not list");
        assertEquals("1: tumour 0.97, 18 mm, segment 7", lesions.captions().apply(1));
        assertEquals("liver", overlays.get(0).captions().apply(1));
        assertEquals("segment 4", overlays.get(1).captions().apply(4));
    }

    @Test
    void aDamagedLesionTableIsOneInputError() throws Exception {
        ItemResult r = written("lesion,label\nx,tumour\n", "case-001.segment.liver.em.nii.gz");
        LoupeException e = assertThrows(LoupeException.class, () -> CaseOutputs.read(LIVER, r, dir,
                ReadOptions.defaults()));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
    }
}
