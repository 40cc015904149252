package org.loupe.enhance.xray.internal;

import java.util.List;
import org.loupe.api.Accelerator;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.Region;
import org.loupe.tensorflow.ModelHandle;
import org.loupe.tensorflow.ModelCache;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Enhances low-dose X-ray frames (denoising and sharpening, same size out) with the framework of Shim, Kim et al.,
 * trained by {@code loupe train enhance.xray} on simulated LQ/HQ pairs; the shipped model lives in this bundle.
 * Frames of any size go through tiled inference, so memory stays bounded.
 */
@Component(service = ImageEnhancer.class)
@LoupeProvider(id = "enhance.xray", name = "Low-dose X-ray enhancer", version = "1.1.0",
        model = "xray.dm 2026-11-22T04:23:10.786193124Z",
        accelerator = Accelerator.GPU_OPTIONAL, inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "GRAY:FLOAT32:1"},
        description = "Denoising module + fractal-residual super-resolution (Shim, Kim et al.), trained on "
                + "simulated 5 s / 90 s X-ray pairs; keeps size and bit depth.")
public final class XrayEnhancer implements ImageEnhancer {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(XrayEnhancer.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "A model folder written by 'loupe train enhance.xray'; the shipped "
                    + "model if empty."));

    private final ModelCache models = new ModelCache(XrayEnhancer.class, "/models/xray/", DESCRIPTOR.id());

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public PixelImage enhance(PixelImage input, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(input);
        ModelHandle model = models.get(ctx.parameters().getString("model"));
        int f = model.sidecar().upscale();
        PixelType type = input.type().pixelType();
        double full = type.isInteger() ? type.maxValue() : 1;
        // the encoder halves twice and a bicubic setting shrinks by f: pad (mirrored) to a multiple of both
        int w = input.width();
        int h = input.height();
        GrayF32 frame = padded(FloatImages.toFloat(input, 0, full), roundUp(w, 4 * f), roundUp(h, 4 * f));
        GrayF32 in = f == 1 ? frame : XrayNetwork.shrink(frame, f);
        ctx.progress(0, "enhance.xray: frame prepared");
        PixelImage out = model.applyTiled(in, PixelType.FLOAT32, ctx).view(new Region(0, 0, w, h));
        // a frame of one tile reports progress only when done; a cancellation then still means no result
        ctx.checkCancelled();
        String version = DESCRIPTOR.versionWithModel(model.sidecar().id(), model.sidecar().version());
        return FloatImages.fromFloat((GrayF32) out, input.type(), full).withMetadata(input.metadata()
                .withStep(DESCRIPTOR.id(), version));
    }

    @Override
    public ImageType outputType(ImageType input) {
        return input;
    }

    private static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }

    /** The frame extended to {@code w x h} by mirroring its last rows and columns. */
    private static GrayF32 padded(GrayF32 img, int w, int h) {
        if (w == img.width() && h == img.height()) {
            return img;
        }
        GrayF32 out = GrayF32.create(w, h);
        for (int y = 0; y < h; y++) {
            int sy = y < img.height() ? y : Math.max(0, 2 * img.height() - 1 - y);
            for (int x = 0; x < w; x++) {
                int sx = x < img.width() ? x : Math.max(0, 2 * img.width() - 1 - x);
                out.set(x, y, img.get(sx, sy));
            }
        }
        return out;
    }

    @Deactivate
    void close() {
        models.close();
    }
}
