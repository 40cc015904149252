package org.loupe.enhance.classic.internal;

import java.util.List;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;
import org.loupe.numerics.filter.GaussianFilter;
import org.osgi.service.component.annotations.Component;

/** Suppresses Gaussian-like noise by blurring with a Gaussian of a chosen width. */
@Component(service = ImageEnhancer.class)
@LoupeProvider(id = "enhance.gaussian", name = "Gaussian blur", version = "1.0.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "GRAY:FLOAT32:1", "RGB:UINT8:3"},
        description = "Separable Gaussian blur truncated at 4 sigma (nearest border); keeps bit depth.")
public final class GaussianEnhancer implements ImageEnhancer {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(GaussianEnhancer.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("sigma", 1.0, 0.1, 50.0, "Standard deviation in pixels."));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public PixelImage enhance(PixelImage input, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(input);
        PixelImage out = GaussianFilter.apply(input, ctx.parameters().getDouble("sigma"), ctx);
        return out.withMetadata(input.metadata().withStep(DESCRIPTOR.id(), DESCRIPTOR.version()));
    }
}
