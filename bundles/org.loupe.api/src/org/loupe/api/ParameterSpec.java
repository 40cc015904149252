package org.loupe.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter a provider accepts: its key, type, default and allowed values. Values arrive as text (from the command
 * line, a pipeline file or a dialog) and are checked here, so a bad value is reported naming the key before the
 * provider runs.
 *
 * @param key          name used on the command line ({@code --param key=value})
 * @param type         value type
 * @param defaultValue default, as text
 * @param min          smallest allowed number (INTEGER, REAL)
 * @param max          largest allowed number (INTEGER, REAL)
 * @param step         INTEGER values must be {@code min + k * step}, e.g. step 2 from 1 for odd window sizes
 * @param choices      allowed values (CHOICE)
 * @param description  one sentence for help texts
 */
public record ParameterSpec(String key, Type type, String defaultValue, double min, double max, int step,
        List<String> choices, String description) {

    /** The value types parameters can have. */
    public enum Type {
        /** A whole number. */
        INTEGER,
        /** A floating-point number. */
        REAL,
        /** true or false. */
        BOOLEAN,
        /** One of a fixed list of words. */
        CHOICE,
        /** Free text. */
        TEXT
    }

    /** Checks the spec is coherent and its default valid. */
    public ParameterSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
        if (!key.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("invalid parameter key '" + key + "'");
        }
        if (step < 1 || min > max) {
            throw new IllegalArgumentException("invalid range for parameter '" + key + "'");
        }
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + key + "' needs choices");
        }
    }

    /** An integer in {@code [min, max]} reachable from {@code min} in steps of {@code step}. */
    public static ParameterSpec integer(String key, int defaultValue, int min, int max, int step, String description) {
        return checked(new ParameterSpec(key, Type.INTEGER, Integer.toString(defaultValue), min, max, step, List.of(),
                description));
    }

    /** A real number in {@code [min, max]}. */
    public static ParameterSpec real(String key, double defaultValue, double min, double max, String description) {
        return checked(new ParameterSpec(key, Type.REAL, Double.toString(defaultValue), min, max, 1, List.of(),
                description));
    }

    /** A boolean. */
    public static ParameterSpec bool(String key, boolean defaultValue, String description) {
        return new ParameterSpec(key, Type.BOOLEAN, Boolean.toString(defaultValue), 0, 0, 1, List.of(), description);
    }

    /** One of the given words; the first is the default. */
    public static ParameterSpec choice(String key, List<String> choices, String description) {
        return new ParameterSpec(key, Type.CHOICE, choices.get(0), 0, 0, 1, choices, description);
    }

    /** Free text. */
    public static ParameterSpec text(String key, String defaultValue, String description) {
        return new ParameterSpec(key, Type.TEXT, defaultValue, 0, 0, 1, List.of(), description);
    }

    private static ParameterSpec checked(ParameterSpec spec) {
        try {
            spec.parse(spec.defaultValue);
        } catch (LoupeException e) {
            throw new IllegalArgumentException("default of " + e.getMessage(), e);
        }
        return spec;
    }

    /**
     * Converts text to a typed value ({@code Integer}, {@code Double}, {@code Boolean} or {@code String}).
     *
     * @throws LoupeException (USAGE) naming the key and the allowed values if the text is not valid
     */
    public Object parse(String text) throws LoupeException {
        String t = text == null ? "" : text.strip();
        switch (type) {
            case INTEGER -> {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw bad(text, "a whole number");
                }
                if (v < min || v > max || (v - (long) min) % step != 0) {
                    throw bad(text, step == 1 ? "a whole number in " + range()
                            : "a whole number in " + range() + " in steps of " + step + " from " + (long) min);
                }
                return (int) v;
            }
            case REAL -> {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw bad(text, "a number");
                }
                if (!(v >= min && v <= max)) {
                    throw bad(text, "a number in " + range());
                }
                return v;
            }
            case BOOLEAN -> {
                String l = t.toLowerCase(Locale.ROOT);
                if (!l.equals("true") && !l.equals("false")) {
                    throw bad(text, "true or false");
                }
                return Boolean.valueOf(l);
            }
            case CHOICE -> {
                if (!choices.contains(t)) {
                    throw bad(text, "one of " + String.join(", ", choices));
                }
                return t;
            }
            default -> {
                return t;
            }
        }
    }

    /** A short human form of the allowed values, e.g. "[1, 99]". */
    public String range() {
        return switch (type) {
            case INTEGER -> "[" + (long) min + ", " + (long) max + "]";
            case REAL -> "[" + min + ", " + max + "]";
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", choices);
            case TEXT -> "text";
        };
    }

    private LoupeException bad(String text, String expected) {
        return LoupeException.usage("parameter '" + key + "': '" + text + "' is not valid, expected " + expected);
    }
}
