package org.loupe.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.samples.Sample;
import org.loupe.samples.Samples;

/** Reads the bundled sample images (and their reference images) for the demo and the benchmarks. */
final class SampleImages {

    /** Opens one of a sample's resources. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private SampleImages() {
    }

    /** The sample with this file name. */
    static Sample named(String fileName) {
        return Samples.all().stream().filter(s -> s.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundled sample " + fileName));
    }

    /** The sample's image. */
    static PixelImage read(Sample sample, ReadOptions options) throws LoupeException {
        return read(sample::open, sample.fileName(), options);
    }

    /** The sample's reference image; the sample must have one. */
    static PixelImage readReference(Sample sample, ReadOptions options) throws LoupeException {
        return read(sample::openReference, sample.reference(), options);
    }

    private static PixelImage read(Opener opener, String name, ReadOptions options) throws LoupeException {
        try (InputStream in = opener.open()) {
            return ImageFiles.read(in, name, options);
        } catch (IOException e) {
            throw LoupeException.badInput(name, "cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
