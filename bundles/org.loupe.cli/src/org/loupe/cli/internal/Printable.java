package org.loupe.cli.internal;

import java.util.Locale;

/**
 * Text made safe to print on a terminal: every control character (C0, DEL and C1, e.g. the ESC of an ANSI sequence
 * hidden in a file's header or name) is shown as a visible escape such as {@code \e} or {@code \x9b}. The escapes
 * are for people to read, not for tools to parse back.
 */
final class Printable {

    private Printable() {
    }

    /** {@code text} with its control characters escaped. */
    static String of(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 27 -> "\\e";
            default -> c < 0x20 || (c >= 0x7f && c <= 0x9f) ? String.format(Locale.ROOT, "\\x%02x", (int) c) : null;
        };
    }
}
