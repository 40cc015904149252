package org.loupe.data.deeppcb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.metrics.detection.GroundTruth;

/**
 * DeepPCB's text formats. Ground truth: one defect per line, {@code x1 y1 x2 y2 type} (integers, separated by spaces
 * or commas). Predictions, as the DeepPCB evaluation expects them: {@code x1,y1,x2,y2,confidence,type}. Blank lines
 * are ignored; any other malformed line is an INPUT error naming the file and line.
 */
public final class DeepPcbFiles {

    private DeepPcbFiles() {
    }

    /** Reads annotated defects. */
    public static List<GroundTruth> readTruth(Path file) throws LoupeException {
        return parse(file, 5, "x1 y1 x2 y2 type", (f, n, box) ->
                new GroundTruth(box[0], box[1], box[2], box[3], type(file, n, f[4]).label()));
    }

    /** Reads predicted defects. */
    public static List<Detection> readPredictions(Path file) throws LoupeException {
        return parse(file, 6, "x1,y1,x2,y2,confidence,type", (f, n, box) -> {
            double score = number(file, n, f[4], "confidence");
            if (!(score >= 0 && score <= 1)) {
                throw bad(file, n, "confidence " + f[4] + " is not in [0, 1]");
            }
            return new Detection(box[0], box[1], box[2], box[3], type(file, n, f[5]).label(), score);
        });
    }

    /** Turns the fields of one line, whose box is already checked, into a record. */
    @FunctionalInterface
    private interface LineReader<T> {
        T read(String[] fields, int line, double[] box) throws LoupeException;
    }

    private static <T> List<T> parse(Path file, int fieldCount, String layout, LineReader<T> reader)
            throws LoupeException {
        List<T> out = new ArrayList<>();
        int n = 0;
        for (String line : lines(file)) {
            n++;
            String[] f = fields(line);
            if (f.length == 0) {
                continue;
            }
            if (f.length != fieldCount) {
                throw bad(file, n, "expected '" + layout + "', got '" + line.strip() + "'");
            }
            out.add(reader.read(f, n, box(file, n, f)));
        }
        return out;
    }

    /** Writes predictions in the format {@link #readPredictions} reads (for DeepPCB's own evaluation tools). */
    public static String format(List<Detection> detections) {
        StringBuilder sb = new StringBuilder();
        for (Detection d : detections) {
            int code = DefectType.ofLabel(d.label()).map(DefectType::code).orElse(0);
            sb.append(Math.round(d.x1())).append(',').append(Math.round(d.y1())).append(',')
                    .append(Math.round(d.x2())).append(',').append(Math.round(d.y2())).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", d.score())).append(',').append(code)
                    .append('\n');
        }
        return sb.toString();
    }

    private static List<String> lines(Path file) throws LoupeException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw LoupeException.badInput(file.toString(), "no such file");
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String[] fields(String line) {
        String t = line.strip();
        return t.isEmpty() ? new String[0] : t.split("[,\\s]+");
    }

    private static double[] box(Path file, int line, String[] f) throws LoupeException {
        double[] b = new double[4];
        String[] names = {"x1", "y1", "x2", "y2"};
        for (int i = 0; i < 4; i++) {
            b[i] = number(file, line, f[i], names[i]);
        }
        String text = f[0] + "," + f[1] + "," + f[2] + "," + f[3];
        if (b[2] < b[0] || b[3] < b[1]) {
            throw bad(file, line, "box " + text + " has x2 < x1 or y2 < y1");
        }
        if (b[2] == b[0] || b[3] == b[1]) {
            throw bad(file, line, "box " + text + " is empty (zero width or height)");
        }
        if (b[0] < 0 || b[1] < 0) {
            throw bad(file, line, "box " + text + " has a negative coordinate");
        }
        return b;
    }

    private static double number(Path file, int line, String text, String what) throws LoupeException {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(file, line, what + " '" + text + "' is not a number");
        }
    }

    private static DefectType type(Path file, int line, String text) throws LoupeException {
        try {
            return DefectType.ofCode(Integer.parseInt(text))
                    .orElseThrow(() -> bad(file, line, "defect type " + text + " is not 1..6"));
        } catch (NumberFormatException e) {
            throw bad(file, line, "defect type '" + text + "' is not a number 1..6");
        }
    }

    private static LoupeException bad(Path file, int line, String problem) {
        return LoupeException.badInput(file + ":" + line, problem);
    }
}
