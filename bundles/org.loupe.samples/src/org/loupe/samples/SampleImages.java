package org.loupe.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.data.deeppcb.DeepPcbDataset;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;

/** Reads the bundled sample images (and their reference images) for the demo and the benchmarks. */
public final class SampleImages {

    /** Opens one of a sample's resources. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private static Path pcbFolder;

    private SampleImages() {
    }

    /** The sample with this file name. */
    public static Sample named(String fileName) {
        return Samples.all().stream().filter(s -> s.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundled sample " + fileName));
    }

    /** The sample's image. */
    public static PixelImage read(Sample sample, ReadOptions options) throws LoupeException {
        return read(sample::open, sample.fileName(), options);
    }

    /** The sample's reference image; the sample must have one. */
    public static PixelImage readReference(Sample sample, ReadOptions options) throws LoupeException {
        return read(sample::openReference, sample.reference(), options);
    }

    private static PixelImage read(Opener opener, String name, ReadOptions options) throws LoupeException {
        try (InputStream in = opener.open()) {
            return ImageFiles.read(in, name, options);
        } catch (IOException e) {
            throw LoupeException.badInput(name, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The bundled DeepPCB pairs, unpacked (once per process) into a scratch folder in DeepPCB's layout, which is
     * deleted when the JVM exits.
     */
    public static synchronized List<DeepPcbDataset.Entry> pcbPairs() throws LoupeException {
        if (pcbFolder == null) {
            try {
                Path dir = Files.createTempDirectory("loupe-samples");
                for (String f : Samples.deepPcb()) {
                    Path target = dir.resolve(f);
                    Files.createDirectories(target.getParent());
                    try (InputStream in = Samples.open(f)) {
                        Files.copy(in, target);
                    }
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> AtomicFiles.deleteScratch(dir)));
                pcbFolder = dir.resolve("deeppcb");
            } catch (IOException e) {
                throw LoupeException.badInput("bundled samples", "cannot be unpacked (" + e.getMessage() + ")", e);
            }
        }
        return DeepPcbDataset.read(pcbFolder, pcbFolder.resolve("test.txt"));
    }
}
