package org.loupe.enhance.srq.internal;

import org.loupe.api.ModelTrainer;
import org.loupe.testing.ModelTrainerContract;

/** The trainer passes the trainer contract. */
class SrqTrainerContractTest extends ModelTrainerContract {

    @Override
    protected ModelTrainer trainer() {
        return new SrqTrainer();
    }
}
