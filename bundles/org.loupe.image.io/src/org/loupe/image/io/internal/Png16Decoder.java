package org.loupe.image.io.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.stream.ImageInputStream;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageMetadata;

/**
 * Reads 16-bit greyscale PNG files (non-interlaced, without transparency) straight into a {@link GrayU16}: inflate,
 * undo the row filters, done. The JDK's reader decodes such a 1024x1024 frame in about 45 ms, through a
 * {@code BufferedImage} Loupe then copies; this takes a fraction of that. Every other kind of PNG goes to the JDK's
 * reader. Chunk CRCs are checked before this runs ({@link PngChunks}).
 */
final class Png16Decoder {

    private static final int SIGNATURE = 8;

    private Png16Decoder() {
    }

    /** Refuses a size before anything of that size is allocated. */
    @FunctionalInterface
    interface SizeCheck {
        void check(int width, int height) throws LoupeException;
    }

    /**
     * The image, or null (with the stream back at its start) if the file is not a kind this decoder reads.
     *
     * @throws IOException for data that does not decode: a bad filter type, too little or broken compressed data
     * @throws LoupeException what {@code sizeCheck} throws
     */
    static GrayU16 read(ImageInputStream in, ImageMetadata metadata, SizeCheck sizeCheck)
            throws IOException, LoupeException {
        long start = in.getStreamPosition();
        in.skipBytes(SIGNATURE);
        long ihdrLength = in.readUnsignedInt();
        String type = type(in);
        if (!type.equals("IHDR") || ihdrLength != 13) {
            in.seek(start);
            return null;
        }
        int width = in.readInt();
        int height = in.readInt();
        int depth = in.readUnsignedByte();
        int colour = in.readUnsignedByte();
        in.skipBytes(2); // compression and filter method: 0 is the only one PNG defines
        int interlace = in.readUnsignedByte();
        in.skipBytes(4);
        if (depth != 16 || colour != 0 || interlace != 0) {
            in.seek(start);
            return null;
        }
        sizeCheck.check(width, height);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        while (true) {
            long length = in.readUnsignedInt();
            String chunk = type(in);
            if (chunk.equals("tRNS")) {
                in.seek(start); // transparency: the JDK's reader decides what it means
                return null;
            }
            if (chunk.equals("IEND")) {
                break;
            }
            if (chunk.equals("IDAT")) {
                byte[] data = new byte[Math.toIntExact(length)];
                in.readFully(data);
                compressed.write(data);
                in.skipBytes(4);
            } else {
                in.skipBytes(length + 4);
            }
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed.toByteArray());
            GrayU16 image = GrayU16.create(width, height).withMetadata(metadata);
            byte[] prev = new byte[2 * width];
            byte[] cur = new byte[2 * width];
            byte[] filter = new byte[1];
            short[] px = image.data();
            for (int y = 0; y < height; y++) {
                fill(inflater, filter);
                fill(inflater, cur);
                unfilter(filter[0], cur, prev);
                for (int x = 0, o = y * width; x < width; x++) {
                    px[o + x] = (short) ((cur[2 * x] & 255) << 8 | cur[2 * x + 1] & 255);
                }
                byte[] t = prev;
                prev = cur;
                cur = t;
            }
            return image;
        } catch (DataFormatException e) {
            throw new IOException("broken compressed data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Inflates exactly {@code into.length} bytes. */
    private static void fill(Inflater inflater, byte[] into) throws DataFormatException, IOException {
        int got = 0;
        while (got < into.length) {
            int n = inflater.inflate(into, got, into.length - got);
            if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                throw new EOFException("the image data ends before the last row");
            }
            got += n;
        }
    }

    private static void unfilter(byte type, byte[] cur, byte[] prev) throws IOException {
        int bpp = 2;
        switch (type) {
            case 0 -> { }
            case 1 -> {
                for (int i = bpp; i < cur.length; i++) {
                    cur[i] += cur[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 0; i < cur.length; i++) {
                    cur[i] += prev[i];
                }
            }
            case 3 -> {
                for (int i = 0; i < cur.length; i++) {
                    int left = i >= bpp ? cur[i - bpp] & 255 : 0;
                    cur[i] += (byte) ((left + (prev[i] & 255)) >>> 1);
                }
            }
            case 4 -> {
                for (int i = 0; i < cur.length; i++) {
                    int a = i >= bpp ? cur[i - bpp] & 255 : 0;
                    int b = prev[i] & 255;
                    int c = i >= bpp ? prev[i - bpp] & 255 : 0;
                    cur[i] += (byte) paeth(a, b, c);
                }
            }
            default -> throw new IOException("unknown row filter " + (type & 255));
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static String type(ImageInputStream in) throws IOException {
        byte[] t = new byte[4];
        in.readFully(t);
        return new String(t, StandardCharsets.ISO_8859_1);
    }
}
