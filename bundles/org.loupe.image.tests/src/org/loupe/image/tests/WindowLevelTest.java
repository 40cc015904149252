package org.loupe.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.ImageType;
import org.loupe.image.PixelType;
import org.loupe.image.WindowLevel;

class WindowLevelTest {

    @Test
    void mapsTheWindowLinearlyOntoEightBits() {
        WindowLevel w = new WindowLevel(1000, 2000);
        assertEquals(0, w.map(500));
        assertEquals(0, w.map(1000));
        assertEquals(128, w.map(1500));
        assertEquals(255, w.map(2000));
        assertEquals(255, w.map(60000));
        assertEquals(1500, w.level());
        assertEquals(1000, w.width());
    }

    @Test
    void autoWindowFollowsTheDataNotTheType() {
        // a 12-bit detector image in a 16-bit container: values 100..4000
        GrayU16 img = GrayU16.create(100, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 100; x++) {
                img.set(x, y, 100 + x * 39);
            }
        }
        WindowLevel w = WindowLevel.auto(img, 0, 100);
        assertEquals(100, w.low());
        assertEquals(100 + 99 * 39, w.high());
        GrayU8 shown = (GrayU8) w.toDisplay(img);
        assertEquals(0, shown.get(0, 0));
        assertEquals(255, shown.get(99, 39));
    }

    @Test
    void aFlatImageStillGetsAValidWindow() {
        GrayU8 flat = GrayU8.create(4, 4);
        WindowLevel w = WindowLevel.auto(flat, 1, 99);
        assertEquals(0, w.low());
        assertEquals(1, w.high());
    }

    @Test
    void rgbStaysColour() {
        var rgb = org.loupe.image.RgbU8.create(2, 1);
        rgb.set(1, 0, 10, 20, 30);
        var shown = WindowLevel.fullRange(PixelType.UINT8).toDisplay(rgb);
        assertEquals(ImageType.RGB_U8, shown.type());
        assertEquals(30f, shown.getFloat(1, 0, 2));
    }

    @Test
    void anEmptyWindowIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WindowLevel(5, 5));
    }

    @Test
    void ctPresetsAreTheWidthsAndLevelsRadiologistsUse() {
        WindowLevel abdomen = WindowLevel.preset("abdomen");
        assertEquals(400, abdomen.width());
        assertEquals(40, abdomen.level());
        assertEquals(-160, abdomen.low());
        WindowLevel liver = WindowLevel.preset("Liver");
        assertEquals(150, liver.width());
        assertEquals(30, liver.level());
        WindowLevel bone = WindowLevel.preset("bone");
        assertEquals(2000, bone.width());
        assertEquals(500, bone.level());
        // water (0 HU) in the liver window sits just below mid-grey
        assertEquals(77, liver.map(0));
    }

    @Test
    void anUnknownPresetNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowLevel.preset("soft"));
        assertEquals("unknown window preset 'soft' (use abdomen, liver, bone, lung, brain)", e.getMessage());
    }
}
