package org.loupe.cli.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.loupe.api.LoupeException;

/**
 * What a detector outside Loupe scored and how fast it ran, as {@code tools/reference/torchvision_detectors.py --out}
 * writes it, so that {@code loupe bench detect --against} prints it beside the detector it measures.
 *
 * @param model          what the reference was (e.g. FCOS, ResNet-18 FPN, random weights)
 * @param map50          its mAP@0.5 on the test images it was scored on
 * @param imagesPerSecond its CPU inference speed, measured by the script
 * @param threads        the threads it ran on
 * @param testImages     how many test images it was scored and timed on
 * @param trainSeconds   its training time
 */
record ReferenceDetectorResult(String model, double map50, double imagesPerSecond, int threads, int testImages,
        double trainSeconds) {

    /** Reads the script's JSON. */
    static ReferenceDetectorResult read(Path file) throws LoupeException {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            return new ReferenceDetectorResult(o.get("model").getAsString(), o.get("mAP50").getAsDouble(),
                    o.get("imagesPerSecond").getAsDouble(), o.get("threads").getAsInt(), o.get("testImages").getAsInt(),
                    o.get("trainSeconds").getAsDouble());
        } catch (IOException | RuntimeException e) {
            throw LoupeException.badInput(file.toString(), "is not a result of tools/reference/torchvision_detectors.py"
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
