package org.loupe.detect.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.data.wafer.Difficulty;
import org.loupe.data.wafer.WaferGenerator;
import org.loupe.metrics.detection.AnnotatedImage;
import org.loupe.metrics.detection.ApInterpolation;
import org.loupe.metrics.detection.DetectionEvaluation;
import org.loupe.metrics.detection.MatchRule;

/**
 * A model folder written by Loupe 1.0.0 (trained on 160 normal wafers by 'loupe train detect.classic', committed as
 * it was written) still loads and detects in this version: what a lab's saved models rely on. When the format
 * changes, this version must read the old one; the fixture is never regenerated.
 */
class ModelFolderCompatibilityTest {

    @TempDir
    Path dir;

    @Test
    void aModelFolderOfLoupe100LoadsAndFindsWaferDefects() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("model-made-by-1.0.0.json")) {
            Files.copy(in, dir.resolve(ClassicModel.FILE_NAME));
        }
        ClassicModel m = ClassicModel.read(dir);
        assertEquals(List.of("crack", "particle", "scratch"), m.classes());
        assertEquals(new ClassicModel.Settings(1, 12, 6, true, 6), m.settings());
        List<AnnotatedImage> images = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            WaferGenerator.Wafer w = WaferGenerator.generate(400, Difficulty.NORMAL, 900 + i);
            images.add(new AnnotatedImage("w" + i, w.defects(), ClassicPipeline.detect(w.image(), m)));
        }
        double map = new DetectionEvaluation(images).meanAveragePrecision(MatchRule.VOC, ApInterpolation.ALL_POINT);
        // it scored 0.619 on the 100 normal test wafers when it was trained
        assertTrue(map > 0.4, "mAP@0.5 " + map);
    }
}
