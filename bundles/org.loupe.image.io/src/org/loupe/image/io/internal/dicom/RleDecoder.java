package org.loupe.image.io.internal.dicom;

/**
 * DICOM's RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits-coded segment per byte
 * plane, most significant byte first, sample after sample. Output is big-endian samples, interleaved.
 */
final class RleDecoder {

    private RleDecoder() {
    }

    /**
     * One frame of {@code pixels} pixels with {@code samples} samples of {@code bytes} bytes each.
     *
     * @throws DicomException for a header or segment that does not match the image
     */
    static byte[] decodeFrame(DicomDataset.Value fragment, int pixels, int samples, int bytes) {
        byte[] b = fragment.bytes();
        int base = fragment.offset();
        if (fragment.length() < 64) {
            throw new DicomException("has an RLE frame shorter than its header");
        }
        int segments = le32(b, base);
        if (segments != samples * bytes) {
            throw new DicomException("has " + segments + " RLE segments where " + samples * bytes + " are needed");
        }
        byte[] out = new byte[pixels * samples * bytes];
        for (int s = 0; s < segments; s++) {
            int start = le32(b, base + 4 + 4 * s);
            int end = s + 1 < segments ? le32(b, base + 8 + 4 * s) : fragment.length();
            if (start < 64 || end < start || end > fragment.length()) {
                throw new DicomException("has corrupt RLE segment offsets");
            }
            int sample = s / bytes;
            int byteIndex = s % bytes;
            unpack(b, base + start, base + end, out, sample * bytes + byteIndex, samples * bytes, pixels);
        }
        return out;
    }

    /** PackBits into every {@code step}-th byte of out from {@code first}, exactly {@code count} bytes. */
    private static void unpack(byte[] in, int from, int to, byte[] out, int first, int step, int count) {
        int i = from;
        int n = 0;
        while (n < count && i < to) {
            int h = in[i++];
            if (h >= 0) {
                int len = h + 1;
                if (i + len > to || n + len > count) {
                    throw new DicomException("has a corrupt RLE segment (a literal run overflows)");
                }
                for (int k = 0; k < len; k++) {
                    out[first + (n++) * step] = in[i++];
                }
            } else if (h != -128) {
                int len = 1 - h;
                if (i >= to || n + len > count) {
                    throw new DicomException("has a corrupt RLE segment (a repeat run overflows)");
                }
                byte v = in[i++];
                for (int k = 0; k < len; k++) {
                    out[first + (n++) * step] = v;
                }
            }
        }
        if (n != count) {
            throw new DicomException("has a short RLE segment (" + n + " of " + count + " bytes)");
        }
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
