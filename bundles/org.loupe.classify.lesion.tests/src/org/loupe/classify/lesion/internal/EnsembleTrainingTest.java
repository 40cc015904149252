package org.loupe.classify.lesion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.image.GrayF32;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.train.TrainingLoop;

class EnsembleTrainingTest {

    @TempDir
    Path dir;

    /** Ten cases of six patches, two of each class: a dark core (tumour), a darker one (cyst), plain liver. */
    private Path patches() throws Exception {
        Path data = Files.createDirectories(dir.resolve("patches"));
        StringBuilder csv = new StringBuilder("file,case,class\n");
        SplittableRandom r = new SplittableRandom(7);
        int s = LesionTensors.SIDE;
        for (int c = 0; c < 10; c++) {
            for (int k = 0; k < 6; k++) {
                String kind = LesionNet.CLASSES.get(k % 3);
                double core = kind.equals("tumour") ? 50 : kind.equals("cyst") ? 5 : 100;
                float[] hu = new float[s * s];
                for (int i = 0; i < hu.length; i++) {
                    int x = i % s - s / 2;
                    int y = i / s - s / 2;
                    hu[i] = (float) ((x * x + y * y < 40 ? core : 100) + 10 * r.nextGaussian());
                }
                String name = String.format("c%02d-%d.tif", c, k);
                ImageFiles.write(GrayF32.wrap(hu, s, s), data.resolve(name));
                csv.append(name).append(",case-").append(c).append(',').append(kind).append('\n');
            }
        }
        Files.writeString(data.resolve("patches.csv"), csv);
        return data;
    }

    private static ProcessingContext members(int n) throws LoupeException {
        LesionTrainer trainer = new LesionTrainer();
        return ProcessingContext.of(Parameters.bind(trainer.parameters(), Map.of("members", String.valueOf(n),
                "steps", "4", "batch", "6", "validate", "2")));
    }

    private static float[] output(Path model, float[] patch) throws LoupeException {
        try (ModelHandle m = ModelHandle.load(model)) {
            return LesionModel.run(m, patch, 1)[0].output();
        }
    }

    @Test
    void membersTrainFromConsecutiveSeedsAndAResumeKeepsThoseFinishedAndStartsTheRest() throws Exception {
        Path data = patches();
        Path model = dir.resolve("ens");
        Path checkpoints = dir.resolve("ens.checkpoints");
        new LesionTrainer().train(new TrainingRequest(data, model, null, false, null), members(2));
        assertTrue(TrainingLoop.hasCheckpoint(checkpoints.resolve("member-1")));
        assertTrue(TrainingLoop.hasCheckpoint(checkpoints.resolve("member-2")));
        String sidecar = ModelSidecar.read(model).toJson();
        assertTrue(sidecar.contains("seed 1: 4 steps") && sidecar.contains("seed 2: 4 steps"), sidecar);
        assertTrue(sidecar.contains("the average of 2 networks"), sidecar);
        float[] patch = LesionTensors.of(List.of(ImageFiles.read(data.resolve("c00-0.tif"))), 1);
        float[] before = output(model, patch);

        // resumed when both had finished: both networks come back from their checkpoints as they were
        new LesionTrainer().train(new TrainingRequest(data, model, null, true, null), members(2));
        float[] again = output(model, patch);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], again[i], 1e-6 + 1e-6 * Math.abs(before[i]), "the same two networks, value " + i);
        }

        // the second member as if the run had been killed before its first checkpoint: it is trained again
        AtomicFiles.deleteScratch(checkpoints.resolve("member-2"));
        assertFalse(TrainingLoop.hasCheckpoint(checkpoints.resolve("member-2")));
        new LesionTrainer().train(new TrainingRequest(data, model, null, true, null), members(2));
        assertTrue(TrainingLoop.hasCheckpoint(checkpoints.resolve("member-2")));
        assertTrue(ModelSidecar.read(model).toJson().contains("seed 2: 4 steps"));

        LoupeException nothing = assertThrows(LoupeException.class, () -> new LesionTrainer().train(
                new TrainingRequest(data, dir.resolve("other"), null, true, null), members(2)));
        assertEquals(LoupeException.Reason.USAGE, nothing.reason(), nothing.getMessage());
        assertFalse(Files.exists(dir.resolve("other")), "a refused resume writes no model");
    }
}
