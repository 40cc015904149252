package org.loupe.image.io.internal;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/**
 * Counts the scans of a JPEG file before it is decoded. Each scan of a progressive JPEG is a pass over every block of
 * the image, and a scan can be a few bytes long, so a small file of thousands of scans over a large image keeps a
 * decoder busy for minutes. Encoders write 1 (baseline) to about 10 (progressive) scans.
 */
final class JpegScans {

    /** Ten times what libjpeg's progressive script writes for a colour image. */
    static final int MAX_SCANS = 100;

    /** Bytes read from the stream at a time. */
    private static final int CHUNK = 8192;

    /**
     * The stream's bytes, read a chunk at a time: a file stream reads each single byte by a system call, which made
     * this walk cost ten times the decoding of a 640x640 board.
     */
    private static final class Bytes {
        private final ImageInputStream in;
        private final byte[] buffer = new byte[CHUNK];
        private int size;
        private int next;

        Bytes(ImageInputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (next == size) {
                size = Math.max(0, in.read(buffer));
                next = 0;
                if (size == 0) {
                    throw new EOFException();
                }
            }
            return buffer[next++] & 0xFF;
        }

        /** Skips {@code n >= 0} bytes; past the end, the next read fails. */
        void skip(int n) throws IOException {
            int inBuffer = Math.min(n, size - next);
            next += inBuffer;
            if (n > inBuffer) {
                in.seek(in.getStreamPosition() + n - inBuffer);
            }
        }
    }

    private JpegScans() {
    }

    /**
     * Walks the markers, skipping segments by their lengths and scan data up to the next marker, and returns the
     * stream to its start.
     *
     * @return the number of scans found before the end of the image or of the file
     */
    static int count(ImageInputStream in) throws IOException {
        long start = in.getStreamPosition();
        Bytes bytes = new Bytes(in);
        int scans = 0;
        try {
            bytes.skip(2);
            int marker = nextMarker(bytes);
            while (marker != 0xD9 && scans <= MAX_SCANS) {
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    marker = nextMarker(bytes);
                    continue;
                }
                int length = bytes.read() << 8 | bytes.read();
                bytes.skip(Math.max(0, length - 2)); // a bogus length below 2 skips nothing in libjpeg either
                if (marker == 0xDA) {
                    scans++;
                    marker = afterScanData(bytes);
                } else {
                    marker = nextMarker(bytes);
                }
            }
            return scans;
        } catch (EOFException e) {
            return scans;
        } finally {
            in.seek(start);
        }
    }

    private static int nextMarker(Bytes in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b != 0xFF);
        do {
            b = in.read();
        } while (b == 0xFF);
        return b;
    }

    /** Entropy-coded data ends at the first marker that is neither a stuffed 0xFF nor a restart marker. */
    private static int afterScanData(Bytes in) throws IOException {
        while (true) {
            int m = nextMarker(in);
            if (m != 0x00 && !(m >= 0xD0 && m <= 0xD7)) {
                return m;
            }
        }
    }
}
