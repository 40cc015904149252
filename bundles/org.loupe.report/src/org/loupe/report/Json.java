package org.loupe.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The JSON that reports write: stable field names in insertion order, UTF-8 as is (no HTML escaping), NaN and
 * infinities kept (a figure that cannot be computed says so instead of failing the report).
 */
public final class Json {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();
    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();

    private Json() {
    }

    /** Indented JSON, for files people read. */
    public static String pretty(Object value) {
        return PRETTY.toJson(value);
    }

    /** JSON on one line, for JSON Lines streams. */
    public static String line(Object value) {
        return LINE.toJson(value);
    }
}
