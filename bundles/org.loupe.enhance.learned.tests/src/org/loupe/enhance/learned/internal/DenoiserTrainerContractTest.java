package org.loupe.enhance.learned.internal;

import org.loupe.api.ModelTrainer;
import org.loupe.testing.ModelTrainerContract;

/** The trainer passes the trainer contract. */
class DenoiserTrainerContractTest extends ModelTrainerContract {

    @Override
    protected ModelTrainer trainer() {
        return new DenoiserTrainer();
    }
}
