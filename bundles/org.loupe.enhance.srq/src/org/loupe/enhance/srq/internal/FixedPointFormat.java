package org.loupe.enhance.srq.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text fixed-point model: what a hardware flow needs and nothing else. Lines starting with {@code #} are
 * comments. Then {@code model ID}, {@code scale 2}, {@code weight-bits 10}, {@code activation-bits 14},
 * {@code input-frac F}; then for each layer in order a header line
 * <pre>layer NAME conv|depthwise k K in I out O relu 0|1 skip S weight-frac FW output-frac FO</pre>
 * followed by its integer weight codes, whitespace-separated, in TensorFlow's kernel order ({@code [ky][kx][in][out]}
 * for conv, {@code [ky][kx][channel]} for depthwise). A weight is {@code code * 2^-FW}; a layer's output activation
 * is {@code code * 2^-FO}. See docs/MODELS.md for the arithmetic (rounding, saturation, skip alignment).
 */
final class FixedPointFormat {

    /** The file's name inside a model folder. */
    static final String FILE = "fixed-point.txt";

    private FixedPointFormat() {
    }

    /** The file's text. */
    static String write(String id, FixedPointNetwork net) {
        Quantization q = net.quantization();
        int[][] codes = net.codes();
        StringBuilder sb = new StringBuilder();
        sb.append("# Loupe enhance.srq fixed-point model, format 1 (docs/MODELS.md)\n");
        sb.append("# weight = code * 2^-weight-frac; activation = code * 2^-output-frac; two's complement codes\n");
        sb.append("model ").append(id).append('\n');
        sb.append("scale ").append(Architecture.SCALE).append('\n');
        sb.append("weight-bits ").append(Quantization.WEIGHT_BITS).append('\n');
        sb.append("activation-bits ").append(Quantization.ACTIVATION_BITS).append('\n');
        sb.append("input-frac ").append(q.inputFrac()).append('\n');
        for (int i = 0; i < codes.length; i++) {
            Architecture.Layer l = Architecture.LAYERS.get(i);
            sb.append(String.format(Locale.ROOT, "layer %s %s k %d in %d out %d relu %d skip %d weight-frac %d "
                    + "output-frac %d%n", l.name(), l.kind().name().toLowerCase(Locale.ROOT), l.k(), l.in(), l.out(),
                    l.relu() ? 1 : 0, l.skipFrom(), q.weightFrac()[i], q.outputFrac()[i]));
            for (int j = 0; j < codes[i].length; j++) {
                sb.append(codes[i][j]).append((j + 1) % 16 == 0 || j == codes[i].length - 1 ? '\n' : ' ');
            }
        }
        return sb.toString();
    }

    /**
     * Parses the text back into an engine.
     *
     * @throws IllegalArgumentException naming the line, if the file does not describe this architecture
     */
    static FixedPointNetwork parse(String text) {
        List<String> tokens = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            for (String t : line.split("\\s+")) {
                tokens.add(t);
                lineOf.add(n + 1);
            }
        }
        Cursor c = new Cursor(tokens, lineOf);
        c.expect("model");
        c.next();
        c.expectValue("scale", Architecture.SCALE);
        c.expectValue("weight-bits", Quantization.WEIGHT_BITS);
        c.expectValue("activation-bits", Quantization.ACTIVATION_BITS);
        c.expect("input-frac");
        int inputFrac = c.integer();
        int layers = Architecture.LAYERS.size();
        int[] wf = new int[layers];
        int[] of = new int[layers];
        int[][] codes = new int[layers][];
        for (int i = 0; i < layers; i++) {
            Architecture.Layer l = Architecture.LAYERS.get(i);
            c.expect("layer");
            c.expect(l.name());
            c.expect(l.kind().name().toLowerCase(Locale.ROOT));
            c.expectValue("k", l.k());
            c.expectValue("in", l.in());
            c.expectValue("out", l.out());
            c.expectValue("relu", l.relu() ? 1 : 0);
            c.expectValue("skip", l.skipFrom());
            c.expect("weight-frac");
            wf[i] = c.integer();
            c.expect("output-frac");
            of[i] = c.integer();
            codes[i] = new int[l.weights()];
            int limit = 1 << (Quantization.WEIGHT_BITS - 1);
            for (int j = 0; j < codes[i].length; j++) {
                codes[i][j] = c.integer();
                if (codes[i][j] < -limit || codes[i][j] >= limit) {
                    throw c.error("weight code " + codes[i][j] + " does not fit in " + Quantization.WEIGHT_BITS
                            + " bits");
                }
            }
        }
        if (c.hasNext()) {
            throw c.error("unexpected '" + c.next() + "' after the last layer");
        }
        return new FixedPointNetwork(codes, new Quantization(inputFrac, wf, of));
    }

    /** Walks the tokens, naming the line of anything unexpected. */
    private static final class Cursor {
        private final List<String> tokens;
        private final List<Integer> lines;
        private int at;

        Cursor(List<String> tokens, List<Integer> lines) {
            this.tokens = tokens;
            this.lines = lines;
        }

        boolean hasNext() {
            return at < tokens.size();
        }

        String next() {
            if (!hasNext()) {
                throw new IllegalArgumentException("the file ends early (truncated?)");
            }
            return tokens.get(at++);
        }

        void expect(String word) {
            String t = next();
            if (!t.equals(word)) {
                at--;
                throw error("expected '" + word + "', found '" + t + "'");
            }
        }

        void expectValue(String key, int value) {
            expect(key);
            int v = integer();
            if (v != value) {
                at--;
                throw error(key + " " + v + " does not match this network (" + key + " " + value + ")");
            }
        }

        int integer() {
            String t = next();
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                at--;
                throw error("expected an integer, found '" + t + "'");
            }
        }

        IllegalArgumentException error(String what) {
            int line = lines.get(Math.min(at, lines.size() - 1));
            return new IllegalArgumentException("line " + line + ": " + what);
        }
    }
}
