package org.loupe.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.Classification;

class ClassificationTest {

    @Test
    void detailsIterateInNameOrderWhateverOrderTheyCameIn() {
        Map<String, Double> given = new LinkedHashMap<>();
        given.put("p(tumour)", 0.7);
        given.put("p(cyst)", 0.1);
        given.put("p(normal)", 0.2);
        Classification c = new Classification("tumour", 0.7, given);
        assertEquals(List.of("p(cyst)", "p(normal)", "p(tumour)"), List.copyOf(c.details().keySet()));
        assertEquals(0.1, c.details().get("p(cyst)"));
    }

    @Test
    void detailsAreACopyThatCannotBeChanged() {
        Map<String, Double> given = new HashMap<>(Map.of("distance", 0.83));
        Classification c = new Classification("defective", 0.9, given);
        given.put("distance", 0.1);
        assertEquals(0.83, c.details().get("distance"));
        assertThrows(UnsupportedOperationException.class, () -> c.details().put("threshold", 0.5));
    }

    @Test
    void aMissingDetailValueOrAConfidenceOutsideZeroToOneIsRefused() {
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("distance", null);
        assertThrows(NullPointerException.class, () -> new Classification("defective", 0.9, withNull));
        assertThrows(IllegalArgumentException.class, () -> new Classification("defective", 1.5, Map.of()));
    }
}
