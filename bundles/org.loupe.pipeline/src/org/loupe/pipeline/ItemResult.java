package org.loupe.pipeline;

import java.util.List;
import java.util.Map;
import org.loupe.api.Detection;

/**
 * What became of one input: its outputs and findings, or why it failed. One line of a run's {@code results.jsonl}.
 *
 * @param input       the input file
 * @param name        its {@code {name}}
 * @param status      {@code ok}, or {@code failed}
 * @param exitClass   0 if ok, else the exit code class of the failure: 3 bad input, 4 provider failure
 * @param reason      the one-line failure message, or null
 * @param outputs     the files written for it, relative to the output folder
 * @param detections  what the detect step found (empty without one)
 * @param metrics     metric id to value, from the measure steps
 * @param patches     how many patches the classify step gave each label (empty without one)
 * @param warnings    things the providers flagged without failing
 * @param millis      time spent on it
 * @param fingerprint what made the outputs: pipeline, provider versions and the input files' sizes and times; a rerun
 *                    skips the item while this is unchanged and its outputs exist
 */
public record ItemResult(String input, String name, String status, int exitClass, String reason, List<String> outputs,
        List<Detection> detections, Map<String, Double> metrics, Map<String, Integer> patches, List<String> warnings,
        long millis, String fingerprint) {

    /** Status of an item whose steps all ran and whose outputs were written. */
    public static final String OK = "ok";
    /** Status of an item that could not be processed; the others go on. */
    public static final String FAILED = "failed";

    /** Copies the lists. */
    public ItemResult {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        detections = detections == null ? List.of() : List.copyOf(detections);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        patches = patches == null ? Map.of() : Map.copyOf(patches);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The record of an item that failed: why, with its exit class, after {@code millis}. */
    public static ItemResult failed(Item item, int exitClass, String reason, long millis, String fingerprint) {
        return new ItemResult(item.file().toString(), item.name(), FAILED, exitClass, reason, List.of(), List.of(),
                Map.of(), Map.of(), List.of(), millis, fingerprint);
    }

    /** Whether the item succeeded. */
    public boolean ok() {
        return OK.equals(status);
    }
}
