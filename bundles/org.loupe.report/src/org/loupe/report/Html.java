package org.loupe.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.loupe.image.io.AtomicFiles;

/**
 * A self-contained HTML page built top to bottom: headings, paragraphs, tables, images and charts, every text
 * escaped. Pages are written atomically, so a reader never sees half a report.
 */
public final class Html {

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:1400px}"
            + "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "vertical-align:top;text-align:left}th{background:#f4f4f4}img.thumb{width:256px;"
            + "image-rendering:pixelated}.fail{color:#b00}.warn{color:#a60}.meta{color:#666}";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    /** A page with this title, shown as its first heading. */
    public Html(String title) {
        this.title = title;
        body.append("<h1>").append(esc(title)).append("</h1>\n");
    }

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A line saying when, on what Java and how many processors the page was made. */
    public Html stamp() {
        return paragraph("meta", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + " · Java "
                + Runtime.version() + " · " + Runtime.getRuntime().availableProcessors() + " processors");
    }

    /** A second-level heading. */
    public Html heading(String text) {
        body.append("<h2>").append(esc(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of text. */
    public Html paragraph(String text) {
        return paragraph(null, text);
    }

    /** A paragraph of text with a CSS class ({@code meta}, {@code warn} or {@code fail}). */
    public Html paragraph(String cssClass, String text) {
        body.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">").append(esc(text)).append("</p>\n");
        return this;
    }

    /** A table; each cell is text, or a {@link Cell} for an image, a link or a styled text. */
    public Html table(List<String> header, List<List<?>> rows) {
        body.append("<table><tr>");
        header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<?> row : rows) {
            body.append("<tr>");
            for (Object c : row) {
                body.append("<td>").append(c instanceof Cell cell ? cell.html : esc(String.valueOf(c)))
                        .append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** An image (or chart) file, given relative to the page. */
    public Html image(String src, String alt) {
        body.append("<p><img src=\"").append(esc(src)).append("\" alt=\"").append(esc(alt)).append("\"></p>\n");
        return this;
    }

    /** Writes the page atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + esc(title) + "</title>\n<style>" + STYLE + "</style></head><body>\n" + body + "</body></html>\n");
    }

    /** A table cell that is more than plain text. */
    public static final class Cell {
        private final String html;

        private Cell(String html) {
            this.html = html;
        }

        /** A thumbnail of an image file, given relative to the page. */
        public static Cell thumbnail(String src, String alt) {
            return new Cell("<img class=\"thumb\" src=\"" + esc(src) + "\" alt=\"" + esc(alt) + "\">");
        }

        /** A link to a file, given relative to the page. */
        public static Cell link(String href, String text) {
            return new Cell("<a href=\"" + esc(href) + "\">" + esc(text) + "</a>");
        }

        /** Links to files, one per line, each showing its own name. */
        public static Cell links(List<String> hrefs) {
            return new Cell(String.join("<br>", hrefs.stream().map(h -> link(h, h).html).toList()));
        }

        /** Text in a CSS class ({@code warn} or {@code fail}). */
        public static Cell styled(String cssClass, String text) {
            return new Cell("<span class=\"" + cssClass + "\">" + esc(text) + "</span>");
        }

        /** Lines of text, one under the other. */
        public static Cell lines(List<String> lines) {
            return new Cell(String.join("<br>", lines.stream().map(Html::esc).toList()));
        }
    }
}
