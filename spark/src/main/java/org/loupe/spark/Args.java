package org.loupe.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subcommand's arguments: {@code --name value} options (repeatable ones collected in order), {@code --flag}
 * switches and the positional rest. Anything unknown is a usage error naming it.
 */
final class Args {

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> flags;

    /**
     * @param args         the arguments
     * @param valued       options that take a value
     * @param flags        options that do not
     */
    Args(List<String> args, Set<String> valued, Set<String> flags) {
        this.flags = flags;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            if (valued.contains(name)) {
                String value;
                if (!name.equals(a)) {
                    value = a.substring(name.length() + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new SubmitFailure(2, name + " needs a value");
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (flags.contains(a)) {
                options.computeIfAbsent(a, k -> new ArrayList<>()).add("true");
            } else if (a.startsWith("--")) {
                throw new SubmitFailure(2, "unknown option " + a);
            } else {
                positional.add(a);
            }
        }
    }

    List<String> positional() {
        return positional;
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    String get(String name, String otherwise) {
        List<String> v = all(name);
        return v.isEmpty() ? otherwise : v.get(v.size() - 1);
    }

    boolean has(String flag) {
        if (!flags.contains(flag)) {
            throw new IllegalArgumentException(flag + " is not a flag");
        }
        return options.containsKey(flag);
    }

    int integer(String name, int otherwise) {
        String v = get(name, null);
        try {
            return v == null ? otherwise : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new SubmitFailure(2, name + " needs a whole number, got '" + v + "'");
        }
    }

    long whole(String name, long otherwise) {
        String v = get(name, null);
        try {
            return v == null ? otherwise : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SubmitFailure(2, name + " needs a whole number, got '" + v + "'");
        }
    }
}
