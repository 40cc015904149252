package org.loupe.samples;

import java.io.IOException;
import java.io.InputStream;

/**
 * One bundled sample image.
 *
 * @param fileName    file name inside the bundle's {@code samples/} folder
 * @param description one line saying what the image shows
 */
public record Sample(String fileName, String description) {

    /** Opens the image's bytes; the caller closes the stream. */
    public InputStream open() throws IOException {
        InputStream in = Sample.class.getResourceAsStream("/samples/" + fileName);
        if (in == null) {
            throw new IOException("sample image " + fileName + " is missing from the org.loupe.samples bundle");
        }
        return in;
    }
}
