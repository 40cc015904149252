package org.loupe.tensorflow;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;

/**
 * Run in a fresh JVM by {@link FreshProcessTest}: loads a model folder through {@link ModelHandle}, applies it to
 * a float image read from a file and writes the result, both as big-endian width, height and float samples.
 */
public final class ReloadMain {

    private ReloadMain() {
    }

    /** Arguments: model folder, input file, output file. */
    public static void main(String[] args) throws IOException, LoupeException {
        PixelImage in = read(Path.of(args[1]));
        try (ModelHandle m = ModelHandle.load(Path.of(args[0]))) {
            write(m.apply(in, PixelType.FLOAT32), Path.of(args[2]));
        }
    }

    static PixelImage read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            PixelImage img = PixelImage.create(ImageType.GRAY_F32, in.readInt(), in.readInt());
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) {
                    img.setFloat(x, y, 0, in.readFloat());
                }
            }
            return img;
        }
    }

    static void write(PixelImage img, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(img.width());
            out.writeInt(img.height());
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) {
                    out.writeFloat(img.getFloat(x, y, 0));
                }
            }
        }
    }
}
