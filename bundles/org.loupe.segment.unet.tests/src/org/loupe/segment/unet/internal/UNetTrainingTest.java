package org.loupe.segment.unet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;
import org.loupe.data.ct.CtLiverDataset;
import org.loupe.data.ct.LiverPhantom;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.tensorflow.train.Network;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class UNetTrainingTest {

    @TempDir
    Path dir;

    @Test
    void aFewStepsOnSmallPhantomsGiveAModelTheSegmenterRunsOnAVolume() throws LoupeException {
        Path set = dir.resolve("phantoms");
        CtLiverDataset.create(set, 5, 3, 64, 10, LiverPhantom.Dose.NORMAL, ProcessingContext.none());
        UNetTrainer trainer = new UNetTrainer();
        Parameters p = Parameters.bind(trainer.parameters(), Map.of("steps", "6", "batch", "2", "validate", "3"));
        Path model = dir.resolve("model");
        TrainingResult r = trainer.train(new TrainingRequest(set, model, null, false, e -> {
        }), ProcessingContext.of(p));
        assertEquals(6, r.steps());
        double dice = r.scores().get("validation liver Dice");
        assertTrue(dice >= 0 && dice <= 1, "a Dice: " + dice);
        assertTrue(Files.isRegularFile(model.resolve("loupe-model.json")));

        Volume ct = VolumeFiles.read(set.resolve("case-001/ct"), ReadOptions.defaults());
        UNetLiverSegmenter segmenter = new UNetLiverSegmenter();
        try {
            Volume labels = segmenter.segment(ct, ProcessingContext.of(Parameters.bind(segmenter.parameters(),
                    Map.of("model", model.toString()))));
            assertEquals(List.of(ct.width(), ct.height(), ct.depth()), List.of(labels.width(), labels.height(),
                    labels.depth()));
            for (float v : labels.data()) {
                assertTrue(v == 0 || v == 1, "labels background and liver only: " + v);
            }
            assertEquals("background,liver", labels.metadata().properties().get("labels"));
        } finally {
            segmenter.close();
        }
    }

    @Test
    void aFolderWithoutCasesIsRefusedNamingWhatACaseHolds() throws Exception {
        Files.createDirectories(dir.resolve("empty/case-001/ct"));
        LoupeException e = assertThrows(LoupeException.class, () -> LiverSlices.cases(dir.resolve("empty")));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("liver.nii.gz"), e.getMessage());
    }

    @Test
    void theNetworkHasAboutFourHundredThousandWeightsAndOneLogitPerGridCell() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, 1);
            Operand<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SliceGrid.SIDE,
                    SliceGrid.SIDE, 1)));
            Operand<TFloat32> out = new LiverUNet().build(net, input, false);
            assertEquals(List.of(-1L, (long) SliceGrid.SIDE, (long) SliceGrid.SIDE, 1L), Arrays.stream(
                    out.shape().asArray()).boxed().toList());
            long weights = net.weightCount();
            assertTrue(weights > 350_000 && weights < 450_000, "weights: " + weights);
        }
    }
}
