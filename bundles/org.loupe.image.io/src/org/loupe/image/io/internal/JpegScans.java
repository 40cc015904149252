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
        int scans = 0;
        try {
            in.skipBytes(2);
            int marker = nextMarker(in);
            while (marker != 0xD9 && scans <= MAX_SCANS) {
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    marker = nextMarker(in);
                    continue;
                }
                int length = in.readUnsignedShort();
                in.skipBytes(length - 2);
                if (marker == 0xDA) {
                    scans++;
                    marker = afterScanData(in);
                } else {
                    marker = nextMarker(in);
                }
            }
            return scans;
        } catch (EOFException e) {
            return scans;
        } finally {
            in.seek(start);
        }
    }

    private static int nextMarker(ImageInputStream in) throws IOException {
        int b;
        do {
            b = in.readUnsignedByte();
        } while (b != 0xFF);
        do {
            b = in.readUnsignedByte();
        } while (b == 0xFF);
        return b;
    }

    /** Entropy-coded data ends at the first marker that is neither a stuffed 0xFF nor a restart marker. */
    private static int afterScanData(ImageInputStream in) throws IOException {
        while (true) {
            int m = nextMarker(in);
            if (m != 0x00 && !(m >= 0xD0 && m <= 0xD7)) {
                return m;
            }
        }
    }
}
