package org.loupe.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Immutable, validated parameter values for one provider call. Every declared parameter has a value (given or
 * default), so providers read typed values without checks of their own.
 */
public final class Parameters {

    private static final Parameters NONE = new Parameters(Map.of());

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No parameters. */
    public static Parameters none() {
        return NONE;
    }

    /** Every declared parameter at its default. */
    public static Parameters defaults(List<ParameterSpec> specs) {
        try {
            return bind(specs, Map.of());
        } catch (LoupeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Checks text values against the specs and fills in defaults.
     *
     * @throws LoupeException (USAGE) naming the key of an unknown parameter or of an invalid value
     */
    public static Parameters bind(List<ParameterSpec> specs, Map<String, String> given) throws LoupeException {
        Map<String, ParameterSpec> byKey = new LinkedHashMap<>();
        specs.forEach(s -> byKey.put(s.key(), s));
        for (String key : given.keySet()) {
            if (!byKey.containsKey(key)) {
                String known = byKey.isEmpty() ? "none" : String.join(", ", byKey.keySet());
                throw LoupeException.usage("unknown parameter '" + key + "' (known: " + known + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec s : byKey.values()) {
            String text = given.getOrDefault(s.key(), s.defaultValue());
            values.put(s.key(), s.parse(text));
        }
        return new Parameters(values);
    }

    /** An integer parameter's value. */
    public int getInt(String key) {
        return (Integer) value(key, Integer.class);
    }

    /** A real parameter's value. */
    public double getDouble(String key) {
        return (Double) value(key, Double.class);
    }

    /** A boolean parameter's value. */
    public boolean getBoolean(String key) {
        return (Boolean) value(key, Boolean.class);
    }

    /** A choice or text parameter's value. */
    public String getString(String key) {
        return (String) value(key, String.class);
    }

    /** All values as text, in declaration order, for reports and provenance. */
    public Map<String, String> asText() {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()),
                (a, b) -> a, LinkedHashMap::new));
    }

    private Object value(String key, Class<?> type) {
        Object v = values.get(key);
        if (!type.isInstance(v)) {
            // a provider asking for a parameter it did not declare is a programming error, not a user error
            throw new IllegalArgumentException("parameter '" + key + "' is not a declared " + type.getSimpleName());
        }
        return v;
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
