package org.loupe.detect.template.internal;

import org.loupe.api.ModelTrainer;
import org.loupe.testing.ModelTrainerContract;

/** The trainer passes the trainer contract. */
class TemplateTrainerContractTest extends ModelTrainerContract {

    @Override
    protected ModelTrainer trainer() {
        return new TemplateTrainer();
    }
}
