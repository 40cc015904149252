package org.loupe.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown document as readable text with style spans, for showing the README and docs/ in the workbench without a
 * browser: headings lose their hashes and become headings, code blocks and tables keep their lines in a monospace
 * font, inline code, bold and links lose their markup. Not a full CommonMark reader: it covers what Loupe's own
 * documents use.
 *
 * @param text  the text to show
 * @param spans where each style applies, in order
 */
public record MarkdownText(String text, List<Span> spans) {

    /** How a span is shown. */
    public enum Style { TITLE, HEADING, SUBHEADING, CODE, BOLD }

    /** One styled stretch of {@link #text()}. */
    public record Span(int start, int length, Style style) {
    }

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\[([^\\]]+)\\]\\(([^)]*)\\)");

    /** Reads a document. */
    public static MarkdownText of(String markdown) {
        StringBuilder out = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\r?\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            int start = out.length();
            Matcher h = HEADING.matcher(line);
            if (fenced || line.strip().startsWith("|")) {
                out.append(line);
                spans.add(new Span(start, line.length(), Style.CODE));
            } else if (h.matches()) {
                // a heading is styled as a whole: the spans of its inline markup would overlap its own
                inline(h.group(2), out, new ArrayList<>());
                int level = h.group(1).length();
                spans.add(new Span(start, out.length() - start, level == 1 ? Style.TITLE : level == 2 ? Style.HEADING
                        : Style.SUBHEADING));
            } else {
                inline(line, out, spans);
            }
            out.append('\n');
        }
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new MarkdownText(out.toString(), List.copyOf(spans));
    }

    /** Appends a line without its inline markup, noting where code and bold were. */
    private static void inline(String line, StringBuilder out, List<Span> spans) {
        Matcher m = INLINE.matcher(line);
        int last = 0;
        while (m.find()) {
            out.append(line, last, m.start());
            int at = out.length();
            if (m.group(1) != null) {
                out.append(m.group(1));
                spans.add(new Span(at, m.group(1).length(), Style.CODE));
            } else if (m.group(2) != null) {
                out.append(m.group(2));
                spans.add(new Span(at, m.group(2).length(), Style.BOLD));
            } else {
                out.append(m.group(3));
            }
            last = m.end();
        }
        out.append(line.substring(last));
    }
}
