package org.loupe.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;

/** Binding what a user typed ({@code -p key=value}) to a provider's declared parameters. */
class ParametersFuzzTest {

    @FuzzTest(maxDuration = "2h")
    void anyKeysAndValuesBindOrFailAsUsage(FuzzedDataProvider in) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        int n = in.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
            String key = in.consumeBoolean() ? Specs.ALL.get(in.consumeInt(0, Specs.ALL.size() - 1)).key()
                    : in.consumeString(20);
            given.put(key, in.consumeString(40));
        }
        Outcome.expect(() -> Parameters.bind(Specs.ALL, given), LoupeException.Reason.USAGE);
    }
}
