package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.api.ModelTrainer;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.api.TrainingRequest;

/**
 * What every {@link ModelTrainer} must do before it trains, as tests (training itself is each trainer's own test):
 * declare itself, offer settings whose defaults bind, and refuse a missing dataset with an INPUT error naming it,
 * writing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModelTrainerContract {

    /** The provider under test. */
    protected abstract ModelTrainer trainer();

    @Test
    void declaresIdNameVersionAndDescription() {
        ProviderContracts.declared(trainer(), ProviderKind.TRAINER);
    }

    @Test
    void offersSettingsWhoseDefaultsBind() throws LoupeException {
        assertFalse(trainer().parameters().isEmpty(), "a trainer has settings (steps at least)");
        Parameters.bind(trainer().parameters(), java.util.Map.of());
    }

    @Test
    void refusesAMissingDatasetNamingItAndWritesNothing(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-dataset");
        Path model = dir.resolve("model");
        LoupeException e = assertThrows(LoupeException.class, () -> trainer().train(new TrainingRequest(missing,
                model, null, false, event -> { }), ProcessingContext.of(Parameters.defaults(
                trainer().parameters()))));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertFalse(Files.exists(model), "no model folder for a failed training");
    }
}
