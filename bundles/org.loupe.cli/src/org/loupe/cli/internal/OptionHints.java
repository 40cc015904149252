package org.loupe.cli.internal;

import java.util.Map;

/**
 * The command line's own words for what the library says in plain terms: a message that asks for the reference, a
 * parameter or a higher pixel limit gets the option that gives it. The workbench shows the same messages without
 * them, so providers never speak in command-line options.
 */
final class OptionHints {

    private static final Map<String, String> HINTS = Map.of(
            "template as the reference", "--reference FILE",
            "set the parameter ", "-p KEY=VALUE",
            "over the pixel limit", "raise it with --max-pixels");

    private OptionHints() {
    }

    /** The message with the options that act on it, in brackets at its end. */
    static String of(String message) {
        StringBuilder hints = new StringBuilder();
        HINTS.forEach((phrase, option) -> {
            if (message.contains(phrase) && !message.contains(option)) {
                hints.append(hints.length() == 0 ? "" : "; ").append(option);
            }
        });
        return hints.length() == 0 ? message : message + " (" + hints + ")";
    }
}
