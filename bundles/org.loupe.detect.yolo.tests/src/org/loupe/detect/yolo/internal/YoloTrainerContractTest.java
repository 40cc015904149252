package org.loupe.detect.yolo.internal;

import org.loupe.api.ModelTrainer;
import org.loupe.testing.ModelTrainerContract;

/** The trainer passes the trainer contract. */
class YoloTrainerContractTest extends ModelTrainerContract {

    @Override
    protected ModelTrainer trainer() {
        return new YoloTrainer();
    }
}
