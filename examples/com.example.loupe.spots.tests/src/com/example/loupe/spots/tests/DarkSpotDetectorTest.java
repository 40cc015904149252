package com.example.loupe.spots.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderKind;
import org.loupe.image.GrayU8;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;

class DarkSpotDetectorTest {

    @Test
    void loupeDiscoversTheOutsideDetectorAndRunsIt() throws LoupeException {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        assertEquals(List.of("example.spots"), registry.providers(ProviderKind.DETECTOR).stream()
                .map(s -> s.descriptor().id()).toList());

        GrayU8 board = GrayU8.create(40, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                boolean spotA = x >= 5 && x < 9 && y >= 4 && y < 7;    // 4 x 3 = 12 pixels
                boolean spotB = x >= 30 && x < 33 && y >= 20 && y < 23; // 3 x 3 = 9 pixels
                boolean speck = x == 20 && y == 15;                      // 1 pixel, below minArea
                board.set(x, y, spotA || spotB || speck ? 10 : 200);
            }
        }
        ProviderHandle<DefectDetector> detector = registry.provider("example.spots", DefectDetector.class);
        List<Detection> found = detector.call(d -> d.detect(board,
                ProcessingContext.of(Parameters.defaults(d.parameters()))));
        found = found.stream().sorted(Comparator.comparingDouble(Detection::x1)).toList();
        assertEquals(2, found.size(), found.toString());
        assertEquals(new Detection(5, 4, 9, 7, "dark-spot", found.get(0).score()), found.get(0));
        assertEquals(new Detection(30, 20, 33, 23, "dark-spot", found.get(1).score()), found.get(1));
    }
}
