package org.loupe.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ModelTrainer;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingRequest;
import org.loupe.api.TrainingResult;

/** Every trainer's sidecar record is built one way, naming the trainer as it declares itself. */
class TrainingRecordTest {

    @LoupeProvider(id = "test.trainer", name = "Test trainer", version = "2.3.4", description = "For the record.")
    private static final class Declared implements ModelTrainer {
        @Override
        public TrainingResult train(TrainingRequest request, ProcessingContext ctx) throws LoupeException {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theRecordNamesTheDeclaredTrainerTheDataTheCommandAndTheLoop() throws LoupeException {
        Parameters p = Parameters.bind(List.of(ParameterSpec.integer("steps", 10, 1, 1000, 1, "Steps.")),
                Map.of("steps", "40"));
        TrainingRequest request = new TrainingRequest(Path.of("data/pairs"), Path.of("models/m1"), null, false, null);
        Map<String, Object> r = TrainingRecord.of(Declared.class, request, p).put("frames", "3 for training")
                .finish(new TrainingLoop.Outcome(40, 0.1, 0.05, 30, true, Duration.ofMillis(2500)));
        assertEquals("test.trainer 2.3.4", r.get("trainer"));
        assertEquals(Path.of("data/pairs").toAbsolutePath().toString(), r.get("dataset"));
        assertEquals(Map.of("steps", "40"), r.get("parameters"));
        assertEquals("./loupe train test.trainer --dataset " + request.dataset() + " --out " + request.output()
                + " -p steps=40", r.get("command"));
        assertEquals("3 for training", r.get("frames"));
        assertEquals(40L, r.get("steps"));
        assertEquals(30L, r.get("bestStep"));
        assertEquals(true, r.get("stoppedEarly"));
        assertEquals(2.5, r.get("seconds"));
        assertEquals(List.of("trainer", "loupeVersion", "dataset", "parameters", "command", "frames", "steps",
                "bestStep", "stoppedEarly", "seconds", "finished"), List.copyOf(r.keySet()));
        assertTrue(String.valueOf(r.get("loupeVersion")).startsWith("1."), "the running build's version: "
                + r.get("loupeVersion"));
    }
}
