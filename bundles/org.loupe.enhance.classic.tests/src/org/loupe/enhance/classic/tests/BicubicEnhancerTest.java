package org.loupe.enhance.classic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.enhance.classic.internal.BicubicEnhancer;
import org.loupe.image.GrayU16;
import org.loupe.image.ImageMetadata;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.testing.ImageAssertions;
import org.loupe.testing.ImageEnhancerContract;
import org.loupe.testing.SyntheticImages;

class BicubicEnhancerTest extends ImageEnhancerContract {

    private final BicubicEnhancer enhancer = new BicubicEnhancer();

    @Override
    protected ImageEnhancer enhancer() {
        return enhancer;
    }

    @Test
    void doublesTheSizeByDefaultKeepingSixteenBitValues() throws LoupeException {
        PixelImage flat = SyntheticImages.constant(ImageType.GRAY_U16, 31, 17, 50_000);
        GrayU16 out = (GrayU16) enhancer.enhance(flat);
        assertEquals(62, out.width());
        assertEquals(34, out.height());
        assertEquals(50_000, out.get(40, 20));
    }

    @Test
    void refusesAScaleThatWouldExhaustMemory() throws LoupeException {
        PixelImage img = SyntheticImages.constant(ImageType.GRAY_U8, 4000, 4000, 1);
        ProcessingContext ctx = ProcessingContext.of(Parameters.bind(enhancer.parameters(), Map.of("scale", "16")));
        LoupeException e = assertThrows(LoupeException.class, () -> enhancer.enhance(img, ctx));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
    }

    @Test
    void statesTheMemoryOfAnUpscaleBeforeDoingIt() throws LoupeException {
        Parameters x16 = Parameters.bind(enhancer.parameters(), Map.of("scale", "16"));
        Parameters x8 = Parameters.bind(enhancer.parameters(), Map.of("scale", "8"));
        long rgb = enhancer.workingBytes(ImageType.RGB_U8, 1024, 800, x16);
        // the analyst's case of issue 25: a 16384x12800 RGB result, its bands twice and one band's double sums
        long result = 16384L * 12800 * 3;
        assertTrue(rgb >= 2 * result + 16384L * 12800 * Double.BYTES, Long.toString(rgb));
        assertTrue(rgb < 4 * result + 16384L * 12800 * Double.BYTES, Long.toString(rgb));
        // about four times at twice the scale (the pass between the axes grows only twice); grey needs less than RGB
        assertEquals(4.0, (double) rgb / enhancer.workingBytes(ImageType.RGB_U8, 1024, 800, x8), 0.2);
        assertTrue(enhancer.workingBytes(ImageType.GRAY_U8, 1024, 800, x16) < rgb);
    }

    @Test
    void upscalesAVolumeSliceBySliceToFinerVoxels() throws LoupeException {
        Volume v = Volume.create(10, 8, 3, VoxelGeometry.of(0.8, 0.6, 2.5));
        for (int i = 0; i < v.data().length; i++) {
            v.data()[i] = i % 17;
        }
        Volume out = enhancer.enhance(v, ProcessingContext.of(Parameters.defaults(enhancer.parameters())));
        assertEquals(20, out.width());
        assertEquals(16, out.height());
        assertEquals(3, out.depth());
        assertEquals(0.4, out.geometry().spacingX(), 1e-12);
        assertEquals(0.3, out.geometry().spacingY(), 1e-12);
        assertEquals(2.5, out.geometry().spacingZ(), 1e-12);
        ImageAssertions.assertSamePixels(enhancer.enhance(v.slice(Plane.AXIAL, 2)), out.slice(Plane.AXIAL, 2)
                .withMetadata(ImageMetadata.EMPTY));
    }
}
