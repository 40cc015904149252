package org.loupe.enhance.classic.internal;

import java.util.List;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Volume;
import org.loupe.numerics.filter.MedianFilter;
import org.loupe.numerics.filter.VolumeMedian;
import org.osgi.service.component.annotations.Component;

/** Removes impulse noise (dead pixels, salt and pepper, zingers) while keeping edges: the exact window median. */
@Component(service = ImageEnhancer.class)
@LoupeProvider(id = "enhance.median", name = "Median filter", version = "1.1.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "GRAY:FLOAT32:1", "RGB:UINT8:3"},
        description = "Exact median over a square window (replicate border); keeps bit depth. Volumes: slice by "
                + "slice, or over a box of depth slices.")
public final class MedianEnhancer implements ImageEnhancer {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(MedianEnhancer.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("size", 3, 1, 99, 2, "Window side in pixels (odd)."),
            ParameterSpec.integer("depth", 1, 1, 99, 2, "Window depth in slices for volumes (odd); 1 filters "
                    + "slice by slice, 3 with size 3 is the 3x3x3 median. Ignored for 2-D images."));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public PixelImage enhance(PixelImage input, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(input);
        int size = ctx.parameters().getInt("size");
        PixelImage out = MedianFilter.apply(input, size, ctx);
        return out.withMetadata(input.metadata().withStep(DESCRIPTOR.id(), DESCRIPTOR.version()));
    }

    @Override
    public Volume enhance(Volume input, ProcessingContext ctx) throws LoupeException {
        Volume out = VolumeMedian.apply(input, ctx.parameters().getInt("size"), ctx.parameters().getInt("depth"),
                ctx);
        return out.with(out.geometry(), input.metadata().withStep(DESCRIPTOR.id(), DESCRIPTOR.version()));
    }
}
