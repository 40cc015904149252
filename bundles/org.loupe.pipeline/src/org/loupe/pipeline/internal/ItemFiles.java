package org.loupe.pipeline.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;

/**
 * The files one item reads, each decoded once: a measure against the input itself, or a detect and a classify step
 * against the same template, share one decoded image (providers never modify their inputs).
 */
final class ItemFiles {

    private final ReadOptions options;
    private final Map<Path, PixelImage> read = new HashMap<>();

    ItemFiles(ReadOptions options) {
        this.options = options;
    }

    /** The decoded file. */
    PixelImage read(Path file) throws LoupeException {
        Path key = file.toAbsolutePath().normalize();
        PixelImage image = read.get(key);
        if (image == null) {
            image = ImageFiles.read(file, options);
            read.put(key, image);
        }
        return image;
    }
}
