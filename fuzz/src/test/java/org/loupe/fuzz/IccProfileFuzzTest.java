package org.loupe.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * An embedded ICC profile on its own: the fuzzed bytes are the profile of an otherwise valid colour JPEG, split into
 * APP2 {@code ICC_PROFILE} segments as encoders write them, so every run reaches the JDK's colour management (which
 * parses the profile when the reader applies it) instead of dying in the JPEG structure around it.
 */
class IccProfileFuzzTest extends ImageDecoderFuzz {

    /** The bytes a profile segment holds at most (a segment's 65,535 less its length, signature and numbering). */
    private static final int CHUNK = 65_519;
    private static final byte[] JPEG = baseJpeg();

    @Override
    byte[] file(byte[] profile) {
        return withProfile(profile);
    }

    /** The base JPEG with {@code profile} in APP2 segments right after its start-of-image marker. */
    static byte[] withProfile(byte[] profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(JPEG.length + profile.length + 64);
        out.write(JPEG, 0, 2);
        int chunks = Math.max(1, (profile.length + CHUNK - 1) / CHUNK);
        byte[] signature = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < chunks; i++) {
            int from = i * CHUNK;
            int length = Math.min(CHUNK, profile.length - from);
            int segment = 2 + signature.length + 2 + length;
            out.write(0xFF);
            out.write(0xE2);
            out.write(segment >> 8);
            out.write(segment & 0xFF);
            out.write(signature, 0, signature.length);
            out.write(i + 1);
            out.write(chunks);
            out.write(profile, from, length);
        }
        out.write(JPEG, 2, JPEG.length - 2);
        return out.toByteArray();
    }

    private static byte[] baseJpeg() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, (x * 16) << 16 | (y * 16) << 8 | 128);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
