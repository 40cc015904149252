package org.loupe.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;

/** The {@code -p ID:KEY=VALUE} options of the commands that run several providers, grouped by provider. */
final class ProviderParams {

    private ProviderParams() {
    }

    /**
     * Groups the options by provider id.
     *
     * @throws LoupeException USAGE for an option that is not {@code ID:KEY=VALUE} with one of {@code ids}
     */
    static Map<String, Map<String, String>> byProvider(List<String> params, List<String> ids) throws LoupeException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String p : params) {
            int colon = p.indexOf(':');
            int eq = p.indexOf('=', colon + 1);
            if (colon < 1 || eq < colon + 2 || !ids.contains(p.substring(0, colon))) {
                throw LoupeException.usage("-p takes ID:KEY=VALUE for one of " + ids + ", got '" + p + "'");
            }
            out.computeIfAbsent(p.substring(0, colon), k -> new LinkedHashMap<>()).put(p.substring(colon + 1, eq),
                    p.substring(eq + 1));
        }
        return out;
    }
}
