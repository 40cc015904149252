package org.loupe.image.io.internal.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Parses the Part 10 file structure (preamble, file meta group, data set) in the uncompressed transfer syntaxes and
 * deflate: implicit and explicit VR, little and big endian. Files without the preamble or meta group are recognised
 * by their first element, as other readers do. Sequences are skipped, whatever their length encoding.
 */
final class DicomParser {

    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final int UNDEFINED = -1;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    /** Nesting deeper than this is refused: no real file nests sequences so deep, a hostile one may. */
    private static final int MAX_DEPTH = 32;

    private final byte[] b;
    private final boolean big;
    private final boolean explicit;
    private int pos;

    private DicomParser(byte[] bytes, int pos, boolean big, boolean explicit) {
        this.b = bytes;
        this.pos = pos;
        this.big = big;
        this.explicit = explicit;
    }

    /**
     * The data set of a file's bytes.
     *
     * @param maxInflated the most bytes a deflated data set may inflate to
     * @throws DicomException what is wrong, in a phrase
     */
    static DicomDataset parse(byte[] file, long maxInflated) {
        int pos = 0;
        String ts = null;
        boolean preamble = file.length >= 132 && file[128] == 'D' && file[129] == 'I' && file[130] == 'C'
                && file[131] == 'M';
        if (preamble || looksLikeMetaGroup(file)) {
            DicomDataset m = new DicomDataset(false, EXPLICIT_LE);
            pos = new DicomParser(file, preamble ? 132 : 0, false, true).readGroup2(m);
            ts = m.text(Tags.TRANSFER_SYNTAX);
        }
        if (ts == null || ts.isEmpty()) {
            ts = guess(file, pos);
        }
        byte[] data = file;
        if (DEFLATED_LE.equals(ts)) {
            data = inflate(file, pos, maxInflated);
            pos = 0;
        }
        boolean big = EXPLICIT_BE.equals(ts);
        // some writers encode the data set in another VR than the meta group declares: trust the bytes, as pydicom
        // does, and the transfer syntax only where there are no bytes to look at
        boolean explicit = data.length >= pos + 6 ? Character.isUpperCase(data[pos + 4])
                && Character.isUpperCase(data[pos + 5]) : !IMPLICIT_LE.equals(ts);
        DicomDataset ds = new DicomDataset(big, ts);
        new DicomParser(data, pos, big, explicit).readDataset(ds, data.length);
        return ds;
    }

    private static boolean looksLikeMetaGroup(byte[] f) {
        return f.length >= 6 && f[0] == 0x02 && f[1] == 0 && Character.isUpperCase(f[4]) && Character.isUpperCase(f[5]);
    }

    /** The transfer syntax of a data set without meta information, from its first element's encoding. */
    private static String guess(byte[] f, int pos) {
        if (f.length < pos + 8) {
            throw new DicomException("is not a DICOM file (too short)");
        }
        int groupLe = (f[pos] & 0xFF) | (f[pos + 1] & 0xFF) << 8;
        int groupBe = (f[pos] & 0xFF) << 8 | (f[pos + 1] & 0xFF);
        boolean vr = Character.isUpperCase(f[pos + 4]) && Character.isUpperCase(f[pos + 5]);
        if (groupLe >= 0x0002 && groupLe <= 0x0010) {
            return vr ? EXPLICIT_LE : IMPLICIT_LE;
        }
        if (groupBe >= 0x0002 && groupBe <= 0x0010 && vr) {
            return EXPLICIT_BE;
        }
        throw new DicomException("is not a DICOM file (no 'DICM' marker and no recognisable first element)");
    }

    private static byte[] inflate(byte[] file, int pos, long max) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(file, pos, file.length - pos);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, (file.length - pos) * 4));
            byte[] chunk = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                if (out.size() + (long) n > max) {
                    throw new DicomException("deflated data set expands beyond " + max + " bytes");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DicomException("corrupt deflated data set (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private int readGroup2(DicomDataset meta) {
        while (pos + 8 <= b.length && u16(pos) == 0x0002) {
            int tag = tag();
            long len = header(0x00020000, true);
            value(meta, tag, len, 0);
        }
        return pos;
    }

    private void readDataset(DicomDataset ds, int end) {
        while (pos < end) {
            if (pos + 8 > end) {
                throw new DicomException("is truncated (a partial element at byte " + pos + ")");
            }
            int tag = tag();
            if (tag == ITEM_END || tag == SEQUENCE_END) {
                throw new DicomException("has a stray delimiter at byte " + pos);
            }
            long len = header(tag, explicit);
            if (tag == Tags.PIXEL_DATA) {
                pixels(ds, len);
            } else {
                value(ds, tag, len, 0);
            }
        }
    }

    private int tag() {
        return u16(pos) << 16 | u16(pos + 2);
    }

    /** Reads an element header at pos (tag already peeked); leaves pos at the value, returns its length or -1. */
    private long header(int tag, boolean explicitVr) {
        pos += 4;
        if ((tag >>> 16) == 0xFFFE) {
            long len = u32(pos);
            pos += 4;
            return len == 0xFFFFFFFFL ? UNDEFINED : len;
        }
        if (explicitVr) {
            need(4);
            String vr = new String(b, pos, 2, StandardCharsets.US_ASCII);
            if (LONG_VRS.contains(vr) || !Character.isUpperCase(vr.charAt(0))) {
                need(8);
                long len = u32(pos + 4);
                pos += 8;
                return len == 0xFFFFFFFFL ? UNDEFINED : len;
            }
            int len = u16(pos + 2);
            pos += 4;
            return len;
        }
        need(4);
        long len = u32(pos);
        pos += 4;
        return len == 0xFFFFFFFFL ? UNDEFINED : len;
    }

    private void value(DicomDataset ds, int tag, long len, int depth) {
        if (len == UNDEFINED) {
            skipSequence(depth + 1);
            return;
        }
        if (len > b.length - pos) {
            throw new DicomException("is truncated (element " + Tags.name(tag) + " needs " + len + " bytes, "
                    + (b.length - pos) + " left)");
        }
        if (depth == 0) {
            ds.put(tag, new DicomDataset.Value(b, pos, (int) len));
        }
        pos += (int) len;
    }

    /** Skips an undefined-length sequence's items up to and including its delimiter. */
    private void skipSequence(int depth) {
        if (depth > MAX_DEPTH) {
            throw new DicomException("nests sequences deeper than " + MAX_DEPTH + " levels");
        }
        while (true) {
            need(8);
            int tag = tag();
            long len = header(tag, explicit);
            if (tag == SEQUENCE_END) {
                return;
            }
            if (tag != ITEM) {
                throw new DicomException("has a malformed sequence at byte " + pos);
            }
            if (len == UNDEFINED) {
                skipItem(depth);
            } else {
                skip(len);
            }
        }
    }

    private void skipItem(int depth) {
        while (true) {
            need(8);
            int tag = tag();
            long len = header(tag, explicit);
            if (tag == ITEM_END) {
                return;
            }
            if (len == UNDEFINED) {
                skipSequence(depth + 1);
            } else {
                skip(len);
            }
        }
    }

    private void pixels(DicomDataset ds, long len) {
        if (len != UNDEFINED) {
            if (len > b.length - pos) {
                throw new DicomException("is truncated (pixel data needs " + len + " bytes, " + (b.length - pos)
                        + " left)");
            }
            ds.nativePixels(new DicomDataset.Value(b, pos, (int) len));
            pos += (int) len;
            return;
        }
        List<DicomDataset.Value> fragments = new ArrayList<>();
        while (true) {
            need(8);
            int tag = tag();
            long n = header(tag, false);
            if (tag == SEQUENCE_END) {
                break;
            }
            if (tag != ITEM || n == UNDEFINED || n > b.length - pos) {
                throw new DicomException("has corrupt encapsulated pixel data at byte " + pos);
            }
            fragments.add(new DicomDataset.Value(b, pos, (int) n));
            pos += (int) n;
        }
        ds.fragments(fragments);
    }

    private void skip(long len) {
        if (len > b.length - pos) {
            throw new DicomException("is truncated (a sequence item runs past the end)");
        }
        pos += (int) len;
    }

    private void need(int n) {
        if (pos + n > b.length) {
            throw new DicomException("is truncated (ends inside an element header)");
        }
    }

    private int u16(int at) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return big ? x << 8 | y : y << 8 | x;
    }

    private long u32(int at) {
        long lo = u16(at);
        long hi = u16(at + 2);
        return big ? lo << 16 | hi : hi << 16 | lo;
    }
}
