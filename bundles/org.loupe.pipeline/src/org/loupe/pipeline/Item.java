package org.loupe.pipeline;

import java.nio.file.Path;

/**
 * One input of a batch.
 *
 * @param file the input file
 * @param name its {@code {name}}, bound by the pipeline's input match; names its outputs
 */
public record Item(Path file, String name) {
}
