package org.loupe.segment.liver.internal;

import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.Segmenter;
import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Volume;
import org.osgi.service.component.annotations.Component;

/**
 * The liver in a CT volume by expectation-maximization, the seed method's ROI segmentation: a Gaussian mixture of
 * the Hounsfield units inside the body, the liver's component chosen by its expected mean, then the largest connected
 * region of voxels it claims, cut from its neighbours by an opening, closed and with its holes (vessels, lesions)
 * filled. See {@link LiverByMixture} for the steps.
 */
@Component(service = Segmenter.class)
@LoupeProvider(id = "segment.liver.em", name = "Liver by EM (Gaussian mixture)", version = "1.0.0",
        inputTypes = {"GRAY:FLOAT32:1"},
        description = "Liver mask of a CT in Hounsfield units: EM on a Gaussian mixture of HU inside the body, the "
                + "component nearest the liver's expected HU, largest 3-D region, holes filled.")
public final class EmLiverSegmenter implements Segmenter {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(EmLiverSegmenter.class);

    @Override
    public List<ParameterSpec> parameters() {
        return LiverByMixture.PARAMETERS;
    }

    @Override
    public LabelImage segment(PixelImage image, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(image);
        return Segmenter.asOneSlice(this, image, ctx);
    }

    @Override
    public Volume segment(Volume input, ProcessingContext ctx) throws LoupeException {
        Volume out = LiverByMixture.of(ctx.parameters()).apply(input, ctx).labels(input);
        return out.with(out.geometry(), input.metadata().toBuilder().property("labels",
                String.join(",", LiverByMixture.NAMES)).build().withStep(DESCRIPTOR.id(), DESCRIPTOR.version()));
    }
}
