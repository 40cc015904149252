package org.loupe.image.io.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Little-endian TIFF files written byte by byte, so tests can state exactly what a file holds or lacks. */
final class TinyTiff {

    private final List<int[]> entries = new ArrayList<>();
    private byte[] pixels = new byte[0];

    /** Adds an IFD entry with one inline value; {@code type} 3 is SHORT, 4 is LONG. */
    TinyTiff entry(int tag, int type, int count, int value) {
        entries.add(new int[] {tag, type, count, value});
        return this;
    }

    /** The sample bytes, stored right after the IFD. */
    TinyTiff pixels(byte[] data) {
        this.pixels = data;
        return this;
    }

    /** Where the sample bytes start in the file. */
    int dataOffset() {
        return 8 + 2 + entries.size() * 12 + 4;
    }

    byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(dataOffset() + pixels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) entries.size());
        for (int[] e : entries) {
            b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
            if (e[1] == 3 && e[2] == 1) {
                b.putShort((short) e[3]).putShort((short) 0);
            } else {
                b.putInt(e[3]);
            }
        }
        b.putInt(0);
        b.put(pixels);
        return b.array();
    }

    /** An 8 x 8 8-bit greyscale TIFF with one kind of damage to its strip table. */
    static byte[] grayWithBrokenStrips(String damage) {
        TinyTiff t = new TinyTiff();
        int strips = damage.equals("strip offsets cut short") ? 8 : 1;
        t.entry(256, 4, 1, 8).entry(257, 4, 1, 8).entry(258, 3, 1, 8).entry(259, 3, 1, 1).entry(262, 3, 1, 1);
        switch (damage) {
            // eight strips whose offset table lies beyond the end of the file
            case "strip offsets cut short" -> t.entry(273, 4, strips, 1_000_000).entry(278, 4, 1, 1)
                    .entry(279, 4, strips, 1_000_100);
            case "zero rows per strip" -> t.entry(273, 4, 1, 0).entry(278, 4, 1, 0).entry(279, 4, 1, 64);
            default -> t.entry(273, 4, 1, 1_000_000).entry(278, 4, 1, 8).entry(279, 4, 1, 64);
        }
        if (damage.equals("zero rows per strip")) {
            // the one strip offset points at the pixels that follow the directory
            t.entries.set(5, new int[] {273, 4, 1, t.dataOffset()});
        }
        return t.pixels(new byte[64]).bytes();
    }
}
