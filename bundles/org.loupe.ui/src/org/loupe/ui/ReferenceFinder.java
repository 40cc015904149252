package org.loupe.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.loupe.pipeline.NameRule;

/**
 * Finds the reference that belongs to an image being opened: by the naming the analyst used on the last pair (the
 * relation between the last image and its reference, applied to the new name), else by DeepPCB's convention of a
 * {@code NAME_temp} template beside {@code NAME_test}. A reference of another image is never carried over.
 */
final class ReferenceFinder {

    private ReferenceFinder() {
    }

    /**
     * The reference file of {@code image}, if one exists.
     *
     * @param lastImage     the previously opened image's file, or null
     * @param lastReference its reference's file, or null
     */
    static Optional<Path> of(Path image, Path lastImage, Path lastReference) {
        if (lastImage != null && lastReference != null) {
            NameRule.Relation r = NameRule.relating(lastImage, lastReference);
            // a relation without a shared name gives every image the same file: that is the stale template
            if (!r.match().equals(NameRule.ANY_IMAGE)) {
                Optional<Path> related = r.match().match(image).map(name -> r.reference().resolve(image, name))
                        .filter(p -> usable(p, image));
                if (related.isPresent()) {
                    return related;
                }
            }
        }
        String name = image.getFileName().toString();
        int at = name.lastIndexOf("_test.");
        if (at < 0) {
            return Optional.empty();
        }
        Path template = image.resolveSibling(name.substring(0, at) + "_temp." + name.substring(at + 6));
        return usable(template, image) ? Optional.of(template) : Optional.empty();
    }

    private static boolean usable(Path reference, Path image) {
        return Files.isRegularFile(reference) && !reference.toAbsolutePath().normalize().equals(
                image.toAbsolutePath().normalize());
    }
}
