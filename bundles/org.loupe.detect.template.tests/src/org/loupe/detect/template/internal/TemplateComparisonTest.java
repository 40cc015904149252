package org.loupe.detect.template.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU8;
import org.loupe.image.ImageMetadata;
import org.loupe.testing.ShippedModelDeclaration;

/** Registration, the template checks and the candidates of {@link TemplateComparison} on drawn boards. */
class TemplateComparisonTest {

    /** A board of traces and pads, shifted by (sx, sy): pixel (x, y) shows the pattern at (x - sx, y - sy). */
    static GrayU8 board(int sx, int sy) {
        GrayU8 b = GrayU8.create(160, 160);
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 160; x++) {
                int u = x - sx;
                int v = y - sy;
                boolean copper = (u / 7) % 4 == 0 || (v / 9) % 5 == 1 || (u - 80) * (u - 80) + (v - 70) * (v - 70)
                        < 300;
                b.set(x, y, copper ? 250 : 10);
            }
        }
        return b;
    }

    private static void fill(GrayU8 b, int x1, int y1, int x2, int y2, int value) {
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                b.set(x, y, value);
            }
        }
    }

    @Test
    void findsTheShiftBetweenBoardAndTemplate() throws LoupeException {
        TemplateComparison c = TemplateComparison.of(board(0, 0), board(2, -3), TemplateComparison.Settings.DEFAULT, w -> { });
        assertEquals(2, c.shift().dx());
        assertEquals(-3, c.shift().dy());
        assertEquals(0, c.shift().mismatch(), 1e-9);
        assertTrue(c.components().isEmpty(), "an aligned copy has no differences: " + c.components().size());
    }

    @Test
    void aDefectBecomesOneCandidateAroundIt() throws LoupeException {
        GrayU8 test = board(0, 0);
        fill(test, 100, 40, 108, 47, 250); // spurious copper on substrate
        fill(test, 28, 100, 35, 106, 10); // a bite out of a trace
        TemplateComparison c = TemplateComparison.of(test, board(1, 0), TemplateComparison.Settings.DEFAULT, w -> { });
        assertEquals(2, c.components().size());
        int[] box = c.components().stream().filter(b -> b[0] > 80).findFirst().orElseThrow();
        assertTrue(box[0] <= 100 && box[1] <= 40 && box[2] >= 108 && box[3] >= 47, List.of(box[0], box[1], box[2],
                box[3]).toString());
    }

    @Test
    void refusesATemplateOfAnotherSizeNamingIt() {
        GrayU8 other = GrayU8.create(150, 160).withMetadata(ImageMetadata.builder().name("t.png")
                .source("/data/t.png").build());
        LoupeException e = assertThrows(LoupeException.class, () -> TemplateComparison.of(board(0, 0), other,
                TemplateComparison.Settings.DEFAULT, w -> { }));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("/data/t.png") && e.getMessage().contains("150x160"), e.getMessage());
    }

    @Test
    void refusesATemplateThatDoesNotLineUp() {
        LoupeException e = assertThrows(LoupeException.class, () -> TemplateComparison.of(board(0, 0), board(10, 0),
                TemplateComparison.Settings.DEFAULT, w -> { }));
        assertTrue(e.getMessage().contains("does not line up"), e.getMessage());
    }

    @Test
    void aPairThatLinesUpWorseThanUsualIsComparedWithAWarning() throws LoupeException {
        GrayU8 test = board(0, 0);
        for (int y = 60; y < 90; y++) {
            for (int x = 0; x < 160; x++) {
                test.set(x, y, 260 - test.get(x, y)); // a band of the board drawn inverted
            }
        }
        List<String> warnings = new java.util.ArrayList<>();
        TemplateComparison c = TemplateComparison.of(test, board(0, 0), TemplateComparison.Settings.DEFAULT,
                warnings::add);
        assertTrue(c.shift().mismatch() > 0.12 && c.shift().mismatch() < 0.25, "mismatch " + c.shift().mismatch());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("worse than usual") && warnings.get(0).contains("detected all the same"),
                warnings.get(0));
        assertTrue(!c.components().isEmpty());
    }

    @Test
    void comparesABlankFieldAtMidGrey() throws LoupeException {
        GrayU8 blank = GrayU8.create(160, 160);
        GrayU8 speck = GrayU8.create(160, 160);
        fill(speck, 50, 50, 56, 56, 255);
        TemplateComparison c = TemplateComparison.of(speck, blank, TemplateComparison.Settings.DEFAULT, w -> { });
        assertEquals(1, c.components().size());
    }

    @Test
    void theDeclaredModelVersionIsTheShippedOne() throws Exception {
        ShippedModelDeclaration.assertDeclared(TemplateDetector.class, "/models/template/loupe-model.json");
    }
}
