package org.loupe.report;

import java.util.List;

/**
 * Comma-separated values as RFC 4180 has them: a field holding a comma, a quote or a line break is quoted, quotes
 * doubled, so file names and failure messages never shift a spreadsheet's columns.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    /** A table with this header line. */
    public Csv(List<String> header) {
        row(header);
    }

    /** Appends one row; null fields are left empty. */
    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            text.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        text.append('\n');
        return this;
    }

    /** One field, quoted where it must be. */
    public static String field(Object value) {
        String s = value == null ? "" : value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
