package org.loupe.segment.unet.internal;

import java.util.List;
import org.loupe.api.Accelerator;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.Segmenter;
import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Volume;
import org.loupe.tensorflow.ModelCache;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The liver in a CT volume by the 2-D U-Net {@link LiverUNet} trained by {@code loupe train segment.liver.unet}:
 * slice by slice on a 128x128 grid, then the largest 3-D region with its holes filled (see {@link UNetInference}).
 * The learned counterpart of {@code segment.liver.em}, scored against it by {@code loupe eval segment}.
 */
@Component(service = Segmenter.class)
@LoupeProvider(id = "segment.liver.unet", name = "Liver by 2-D U-Net", version = "1.0.0",
        model = "segment.liver.unet " + UNetLiverSegmenter.SHIPPED,
        accelerator = Accelerator.GPU_OPTIONAL, inputTypes = {"GRAY:FLOAT32:1"},
        description = "Liver mask of a CT in Hounsfield units by a small 2-D U-Net on each axial slice (128x128 "
                + "grid), largest 3-D region, holes filled.")
public final class UNetLiverSegmenter implements Segmenter {

    /** The shipped model's version. */
    static final String SHIPPED = "2026-12-06T05:35:41.165858172Z";
    /** Label names, background first. */
    static final List<String> NAMES = List.of("background", "liver");

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(UNetLiverSegmenter.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("model", "", "A model folder written by 'loupe train segment.liver.unet'; the shipped "
                    + "model if empty."));

    private final ModelCache models = new ModelCache(UNetLiverSegmenter.class, "/models/unet/", DESCRIPTOR.id());

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public LabelImage segment(PixelImage image, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(image);
        return Segmenter.asOneSlice(this, image, ctx);
    }

    @Override
    public Volume segment(Volume input, ProcessingContext ctx) throws LoupeException {
        ctx.checkCancelled();
        boolean[] liver = UNetInference.liver(models.get(ctx.parameters().getString("model")), input, ctx);
        Volume out = Volume.create(input.width(), input.height(), input.depth(), input.geometry());
        for (int p = 0; p < liver.length; p++) {
            out.data()[p] = liver[p] ? 1 : 0;
        }
        return out.with(out.geometry(), input.metadata().toBuilder().property("labels", String.join(",", NAMES))
                .build().withStep(DESCRIPTOR.id(), DESCRIPTOR.version()));
    }

    @Deactivate
    void close() {
        models.close();
    }
}
