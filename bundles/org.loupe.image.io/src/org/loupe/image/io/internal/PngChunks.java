package org.loupe.image.io.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks the CRC of every chunk of a PNG file before it is decoded, as libpng does. The JDK's PNG reader skips this
 * check, so a header with an altered size and a stale CRC would otherwise decode to a plausible half image.
 */
final class PngChunks {

    private static final int SIGNATURE = 8;
    private static final int BUFFER = 1 << 16;

    private PngChunks() {
    }

    /**
     * Walks the chunks up to IEND and returns the stream to its start.
     *
     * @return why the file is corrupt, or null if every chunk read matches its CRC; a file that ends early is left
     *         to the decoder, which checks the declared size first and then reports the truncation itself
     */
    static String corruption(ImageInputStream in) throws IOException {
        long start = in.getStreamPosition();
        try {
            in.skipBytes(SIGNATURE);
            byte[] buffer = new byte[BUFFER];
            CRC32 crc = new CRC32();
            while (true) {
                long length = in.readUnsignedInt();
                byte[] type = new byte[4];
                in.readFully(type);
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (length > Integer.MAX_VALUE) {
                    return "chunk " + printable(name) + " claims " + length + " bytes";
                }
                crc.reset();
                crc.update(type);
                for (long left = length; left > 0; ) {
                    int n = (int) Math.min(left, BUFFER);
                    in.readFully(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    left -= n;
                }
                if (in.readUnsignedInt() != crc.getValue()) {
                    return printable(name) + ": CRC error";
                }
                if (name.equals("IEND")) {
                    return null;
                }
            }
        } catch (EOFException e) {
            return null;
        } finally {
            in.seek(start);
        }
    }

    private static String printable(String chunkType) {
        return chunkType.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ? chunkType : "with a malformed type";
    }
}
