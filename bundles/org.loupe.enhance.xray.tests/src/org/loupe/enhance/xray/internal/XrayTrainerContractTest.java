package org.loupe.enhance.xray.internal;

import org.loupe.api.ModelTrainer;
import org.loupe.testing.ModelTrainerContract;

/** The trainer passes the trainer contract. */
class XrayTrainerContractTest extends ModelTrainerContract {

    @Override
    protected ModelTrainer trainer() {
        return new XrayTrainer();
    }
}
