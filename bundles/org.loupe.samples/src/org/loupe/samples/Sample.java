package org.loupe.samples;

import java.io.IOException;
import java.io.InputStream;

/**
 * One bundled sample image.
 *
 * @param fileName    file name inside the bundle's {@code samples/} folder
 * @param description one line saying what the image shows
 * @param reference   file name of the image to compare with: a better image of the same scene to measure enhancers
 *                    against, or the defect-free template of an inspected board; null if none
 */
public record Sample(String fileName, String description, String reference) {

    /** A sample without a reference image. */
    public Sample(String fileName, String description) {
        this(fileName, description, null);
    }

    /** Opens the reference image's bytes; the caller closes the stream. */
    public InputStream openReference() throws IOException {
        if (reference == null) {
            throw new IOException("sample " + fileName + " has no reference image");
        }
        return resource(reference);
    }

    /** Opens the image's bytes; the caller closes the stream. */
    public InputStream open() throws IOException {
        return resource(fileName);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Sample.class.getResourceAsStream("/samples/" + name);
        if (in == null) {
            throw new IOException("sample image " + name + " is missing from the org.loupe.samples bundle");
        }
        return in;
    }
}
