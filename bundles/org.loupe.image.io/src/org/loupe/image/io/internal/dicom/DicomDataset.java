package org.loupe.image.io.internal.dicom;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level elements of one DICOM file that Loupe interprets, as raw values in the file's byte order, plus the
 * pixel data: native bytes, or the fragments of encapsulated (compressed) data. Nested sequences are skipped.
 */
final class DicomDataset {

    /** One element's value bytes: {@code bytes[offset, offset + length)}. */
    record Value(byte[] bytes, int offset, int length) {
    }

    private final Map<Integer, Value> values = new HashMap<>();
    private final boolean bigEndian;
    private final String transferSyntax;
    private Value nativePixels;
    private List<Value> fragments;

    DicomDataset(boolean bigEndian, String transferSyntax) {
        this.bigEndian = bigEndian;
        this.transferSyntax = transferSyntax;
    }

    void put(int tag, Value v) {
        values.putIfAbsent(tag, v);
    }

    void nativePixels(Value v) {
        nativePixels = v;
    }

    void fragments(List<Value> f) {
        fragments = List.copyOf(f);
    }

    boolean bigEndian() {
        return bigEndian;
    }

    String transferSyntax() {
        return transferSyntax;
    }

    Value nativePixels() {
        return nativePixels;
    }

    List<Value> fragments() {
        return fragments;
    }

    boolean hasPixels() {
        return nativePixels != null || fragments != null;
    }

    boolean has(int tag) {
        return values.containsKey(tag);
    }

    /** A text value (CS, DS, IS, UI, LO...) without padding, or null. */
    String text(int tag) {
        Value v = values.get(tag);
        if (v == null) {
            return null;
        }
        String s = new String(v.bytes(), v.offset(), v.length(), StandardCharsets.ISO_8859_1);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        int start = 0;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }

    /** A multi-valued decimal string (DS), or null if absent or empty. */
    double[] decimals(int tag) {
        String s = text(tag);
        if (s == null || s.isEmpty()) {
            return null;
        }
        String[] parts = s.split("\\\\");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }

    /** An unsigned short (US), or {@code fallback} if absent. */
    int unsignedShort(int tag, int fallback) {
        Value v = values.get(tag);
        if (v == null || v.length() < 2) {
            return fallback;
        }
        int a = v.bytes()[v.offset()] & 0xFF;
        int b = v.bytes()[v.offset() + 1] & 0xFF;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }
}
