package org.loupe.image.io.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;

/**
 * Walks the directory structure of a TIFF file before it is decoded: the chain of image directories and the
 * sub-directories they point to (SubIFDs, EXIF, GPS, interoperability). The TIFF reader follows sub-directories
 * recursively and trusts the chain, so directories nested ten thousand deep overflow its stack; here they are counted
 * with an explicit stack, and a file nested too deep or holding too many directories is refused before decoding.
 */
final class TiffDirectories {

    /** Deeper than any camera, scanner or microscope file nests: EXIF inside a SubIFD inside an image is 3. */
    static final int MAX_DEPTH = 16;
    /** Directories in all: pyramids and multi-page scans hold hundreds, not hundreds of thousands. */
    static final int MAX_DIRECTORIES = 65_536;
    private static final Set<Integer> POINTERS = Set.of(330, 34665, 34853, 40965);

    private TiffDirectories() {
    }

    /**
     * Walks the directories and returns the stream to its start.
     *
     * @return why the structure is refused, or null if it is within the limits; damage the walk cannot get past
     *         (offsets beyond the end) is left to the decoder, which reports it in its own words
     */
    static String refusal(ImageInputStream in) throws IOException {
        long start = in.getStreamPosition();
        ByteOrder saved = in.getByteOrder();
        try {
            int b0 = in.read();
            int b1 = in.read();
            in.setByteOrder(b0 == 'M' && b1 == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            boolean big = in.readUnsignedShort() == 43;
            if (big) {
                return null; // BigTIFF: 64-bit offsets, read by the decoder with its own checks
            }
            Deque<long[]> todo = new ArrayDeque<>();
            todo.push(new long[] {in.readUnsignedInt(), 0});
            Set<Long> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                long[] next = todo.pop();
                long offset = next[0];
                int depth = (int) next[1];
                if (offset == 0 || !seen.add(offset)) {
                    continue; // the end of a chain, or a loop: the decoder reads each directory once
                }
                if (depth > MAX_DEPTH) {
                    return "directories nested more than " + MAX_DEPTH + " deep";
                }
                if (seen.size() > MAX_DIRECTORIES) {
                    return "more than " + MAX_DIRECTORIES + " directories";
                }
                in.seek(offset);
                int entries = in.readUnsignedShort();
                for (int i = 0; i < entries; i++) {
                    int tag = in.readUnsignedShort();
                    int type = in.readUnsignedShort();
                    long count = in.readUnsignedInt();
                    long value = in.readUnsignedInt();
                    if (POINTERS.contains(tag) && (type == 4 || type == 13)) {
                        if (count == 1) {
                            todo.push(new long[] {value, depth + 1});
                        } else if (count > 1 && count <= MAX_DIRECTORIES) {
                            long back = in.getStreamPosition();
                            in.seek(value);
                            for (long k = 0; k < count; k++) {
                                todo.push(new long[] {in.readUnsignedInt(), depth + 1});
                            }
                            in.seek(back);
                        }
                    }
                }
                todo.push(new long[] {in.readUnsignedInt(), depth});
            }
            return null;
        } catch (EOFException e) {
            return null;
        } finally {
            in.setByteOrder(saved);
            in.seek(start);
        }
    }
}
