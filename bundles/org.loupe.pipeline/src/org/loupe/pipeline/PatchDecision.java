package org.loupe.pipeline;

import org.loupe.api.Classification;
import org.loupe.image.Region;

/**
 * A classifier's verdict on one square window of an image.
 *
 * @param window  where the patch lies
 * @param verdict what the classifier decided for it
 */
public record PatchDecision(Region window, Classification verdict) {
}
