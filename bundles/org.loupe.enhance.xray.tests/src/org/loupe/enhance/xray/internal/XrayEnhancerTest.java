package org.loupe.enhance.xray.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.testing.ImageEnhancerContract;
import org.loupe.testing.ShippedModelDeclaration;
import org.loupe.testing.SyntheticImages;

/** The enhancer with its shipped model: the contract, and frames larger than a tile. */
class XrayEnhancerTest extends ImageEnhancerContract {

    private final XrayEnhancer enhancer = new XrayEnhancer();

    @Override
    protected ImageEnhancer enhancer() {
        return enhancer;
    }

    @Test
    void aFrameLargerThanATileComesBackWholeWithoutSeams() throws LoupeException {
        PixelImage frame = SyntheticImages.constant(ImageType.GRAY_U16, 1100, 700, 30000);
        GrayU16 out = (GrayU16) enhancer.enhance(frame);
        assertEquals(1100, out.width());
        assertEquals(700, out.height());
        // a flat frame must stay flat across tile borders (the shipped model's tiles are 512 pixels)
        int min = 65535;
        int max = 0;
        for (int y = 100; y < 600; y++) {
            for (int x = 100; x < 1000; x++) {
                min = Math.min(min, out.get(x, y));
                max = Math.max(max, out.get(x, y));
            }
        }
        assertTrue(max - min < 200, "flat input came back between " + min + " and " + max);
    }

    @Test
    void theDeclaredModelVersionIsTheShippedOne() throws Exception {
        ShippedModelDeclaration.assertDeclared(XrayEnhancer.class, "/models/xray/loupe-model.json");
    }
}
