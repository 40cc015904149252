package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.api.Segmenter;
import org.loupe.image.LabelImage;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.pipeline.evaluation.SegmenterComparison;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;
import org.osgi.framework.ServiceRegistration;

class SegmenterComparisonTest {

    @TempDir
    Path dir;

    /** A segmenter that labels every positive pixel, except rows above {@code skipRows}. */
    private static Segmenter thresholding(int skipRows) {
        return (image, ctx) -> {
            int[] labels = new int[image.width() * image.height()];
            for (int y = skipRows; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    labels[y * image.width() + x] = image.getFloat(x, y, 0) > 0 ? 1 : 0;
                }
            }
            return new LabelImage(image.width(), image.height(), labels, List.of("background", "liver"));
        };
    }

    @Test
    void segmentersAreScoredOnTheSameCasesAndCountedCaseByCaseAgainstTheFirst() throws Exception {
        for (int c = 1; c <= 3; c++) {
            Volume v = Volume.create(12, 10, 4, VoxelGeometry.of(1, 1, 2));
            for (int k = 0; k < 4; k++) {
                for (int j = 2; j < 8; j++) {
                    for (int i = 2; i < 2 + 3 * c; i++) {
                        v.set(i, j, k, 1);
                    }
                }
            }
            Path caseDir = Files.createDirectories(dir.resolve("case-00" + c));
            VolumeFiles.writeNifti(v, caseDir.resolve("ct.nii.gz"));
            VolumeFiles.writeNifti(v, caseDir.resolve("liver.nii.gz"));
        }
        List<ServiceRegistration<Segmenter>> regs = List.of(
                OsgiServices.register(Segmenter.class, "test.exact", thresholding(0)),
                OsgiServices.register(Segmenter.class, "test.trimmed", thresholding(4)));
        try {
            SegmenterComparison c = SegmenterComparison.run(OsgiServices.await(ProviderRegistry.class),
                    List.of("test.exact", "test.trimmed"), Map.of(), dir, "liver.nii.gz", 1,
                    new BatchPolicy(false, m -> { }), ReadOptions.defaults(), ProcessingContext.none());
            assertEquals(2, c.rows().size());
            assertEquals(1.0, c.rows().get(0).evaluation().mean(s -> s.dice()), 1e-9);
            // leaving out 2 of the 6 labelled rows: Dice 2 * 4 / (4 + 6) = 0.8 in every case
            assertEquals(0.8, c.rows().get(1).evaluation().mean(s -> s.dice()), 1e-9);
            assertArrayEquals(new int[] {0, 3}, c.higherDiceThanFirst(c.rows().get(1)));
            assertTrue(c.text().contains("test.trimmed has the higher Dice on 0 of 3 cases against test.exact"),
                    c.text());
        } finally {
            regs.forEach(ServiceRegistration::unregister);
        }
    }

    @Test
    void anUnknownSegmenterIsRefusedBeforeAnyCaseIsSegmented() throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve("case-001"));
        Volume v = Volume.create(4, 4, 2, VoxelGeometry.UNIT);
        VolumeFiles.writeNifti(v, caseDir.resolve("ct.nii.gz"));
        VolumeFiles.writeNifti(v, caseDir.resolve("liver.nii.gz"));
        int[] calls = {0};
        Segmenter counting = (image, ctx) -> {
            calls[0]++;
            return thresholding(0).segment(image, ctx);
        };
        ServiceRegistration<Segmenter> reg = OsgiServices.register(Segmenter.class, "test.counting", counting);
        try {
            LoupeException e = assertThrows(LoupeException.class, () -> SegmenterComparison.run(
                    OsgiServices.await(ProviderRegistry.class), List.of("test.counting", "test.absent"), Map.of(),
                    dir, "liver.nii.gz", 1, new BatchPolicy(false, m -> { }), ReadOptions.defaults(),
                    ProcessingContext.none()));
            assertTrue(e.getMessage().contains("test.absent"), e.getMessage());
            assertEquals(0, calls[0], "no case was segmented");
        } finally {
            reg.unregister();
        }
    }
}
