package org.loupe.enhance.classic.internal;

import java.util.List;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import org.osgi.service.component.annotations.Component;

/**
 * Resizes by a scale factor with MATLAB-compatible bicubic interpolation: the baseline every super-resolution
 * method is compared against.
 */
@Component(service = ImageEnhancer.class)
@LoupeProvider(id = "enhance.bicubic", name = "Bicubic resize", version = "1.0.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "GRAY:FLOAT32:1", "RGB:UINT8:3"},
        description = "MATLAB imresize bicubic (a = -0.5), antialiased when shrinking; keeps bit depth.")
public final class BicubicEnhancer implements ImageEnhancer {

    /** Largest output accepted, so a typo in the scale cannot exhaust memory. */
    static final long MAX_OUTPUT_PIXELS = 400_000_000L;

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(BicubicEnhancer.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("scale", 2.0, 0.01, 16.0, "Scale factor; output size is ceil(scale x input size)."),
            ParameterSpec.bool("antialias", true, "Widen the kernel when shrinking, as MATLAB does by default."));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * The result twice (its bands, then joined), one band's sums in double precision, and the pass between the two
     * axes; 1024x800 RGB at scale 16 comes to 3.0 GB.
     */
    @Override
    public long workingBytes(ImageType type, int width, int height, Parameters parameters) {
        double scale = parameters.getDouble("scale");
        long outWidth = Resize.outputLength(width, scale);
        long outHeight = Resize.outputLength(height, scale);
        long sample = type.pixelType().bits() / 8;
        return outWidth * outHeight * (2 * type.bands() * sample + Double.BYTES)
                + Math.max(outWidth * height, width * outHeight) * Double.BYTES;
    }

    @Override
    public PixelImage enhance(PixelImage input, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(input);
        double scale = ctx.parameters().getDouble("scale");
        long outPixels = (long) Resize.outputLength(input.width(), scale) * Resize.outputLength(input.height(), scale);
        if (outPixels > MAX_OUTPUT_PIXELS) {
            throw LoupeException.usage("parameter 'scale': " + scale + " would make a " + outPixels / 1_000_000
                    + "-megapixel image, over the limit of " + MAX_OUTPUT_PIXELS / 1_000_000);
        }
        PixelImage out = Resize.byScale(input, scale, Interpolation.BICUBIC, ctx.parameters().getBoolean("antialias"),
                ctx);
        return out.withMetadata(input.metadata().withStep(DESCRIPTOR.id(), DESCRIPTOR.version()));
    }
}
