package org.loupe.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell, for human-readable command output. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    /** A table with this header row. */
    public TextTable(String... header) {
        rows.add(header);
    }

    /** Appends a row; each cell is shown as {@code String.valueOf}. */
    public TextTable row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    /** Prints the table, one line per row. */
    public void print(PrintWriter out) {
        out.print(toString());
    }

    /** The table as text, every line ending in a line break. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
