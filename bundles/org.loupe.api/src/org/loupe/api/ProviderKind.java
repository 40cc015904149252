package org.loupe.api;

import java.util.Locale;

/** The families of providers Loupe discovers, each with its service contract. */
public enum ProviderKind {
    /** Image in, image out: denoising, super-resolution, filtering. */
    ENHANCER(ImageEnhancer.class),
    /** Image in, boxes out. */
    DETECTOR(DefectDetector.class),
    /** Image (and optional golden reference) in, a label out. */
    CLASSIFIER(DefectClassifier.class),
    /** Image in, a label per pixel out. */
    SEGMENTER(Segmenter.class),
    /** Image and reference in, a number out. */
    METRIC(ImageMetric.class),
    /** Data in, a trained model out (usually the model another provider with the same id runs). */
    TRAINER(ModelTrainer.class);

    private final Class<? extends LoupeService> serviceType;

    ProviderKind(Class<? extends LoupeService> serviceType) {
        this.serviceType = serviceType;
    }

    /** The service interface providers of this kind register under. */
    public Class<? extends LoupeService> serviceType() {
        return serviceType;
    }

    /** The lower-case name used on the command line and in JSON, e.g. "enhancer". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
