package org.loupe.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loupe.api.LoupeException;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;

class ParametersTest {

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.integer("size", 3, 1, 9, 2, "window"),
            ParameterSpec.real("sigma", 1.0, 0.1, 10, "width"),
            ParameterSpec.bool("fast", false, "speed"),
            ParameterSpec.choice("mode", List.of("nearest", "mirror"), "border"));

    @Test
    void missingValuesTakeTheirDefaults() throws LoupeException {
        Parameters p = Parameters.bind(SPECS, Map.of("sigma", "2.5"));
        assertEquals(3, p.getInt("size"));
        assertEquals(2.5, p.getDouble("sigma"));
        assertEquals(false, p.getBoolean("fast"));
        assertEquals("nearest", p.getString("mode"));
        assertEquals(Map.of("size", "3", "sigma", "2.5", "fast", "false", "mode", "nearest"), p.asText());
    }

    @Test
    void anUnknownKeyIsAUsageErrorNamingItAndTheKnownOnes() {
        LoupeException e = assertThrows(LoupeException.class, () -> Parameters.bind(SPECS, Map.of("radius", "2")));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertEquals("unknown parameter 'radius' (known: size, sigma, fast, mode)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "size|4|parameter 'size': '4' is not valid, expected a whole number in [1, 9] in steps of 2 from 1",
        "size|11|parameter 'size': '11' is not valid, expected a whole number in [1, 9] in steps of 2 from 1",
        "size|three|parameter 'size': 'three' is not valid, expected a whole number",
        "sigma|0|parameter 'sigma': '0' is not valid, expected a number in [0.1, 10.0]",
        "sigma|NaN|parameter 'sigma': 'NaN' is not valid, expected a number in [0.1, 10.0]",
        "fast|yes|parameter 'fast': 'yes' is not valid, expected true or false",
        "mode|wrap|parameter 'mode': 'wrap' is not valid, expected one of nearest, mirror"})
    void aBadValueIsAUsageErrorNamingTheKey(String key, String value, String message) {
        LoupeException e = assertThrows(LoupeException.class, () -> Parameters.bind(SPECS, Map.of(key, value)));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertEquals(message, e.getMessage());
    }

    @Test
    void askingForAnUndeclaredParameterIsAProgrammingError() {
        Parameters p = Parameters.defaults(SPECS);
        assertThrows(IllegalArgumentException.class, () -> p.getInt("sigma"));
        assertThrows(IllegalArgumentException.class, () -> p.getInt("other"));
    }

    @Test
    void aSpecWithAnInvalidDefaultIsRejectedAtDeclaration() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("size", 4, 1, 9, 2, "window"));
    }
}
