package org.loupe.segment.liver.internal;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.Segmenter;
import org.loupe.data.ct.CouinaudFrame;
import org.loupe.image.LabelImage;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Volume;
import org.osgi.service.component.annotations.Component;

/**
 * The eight Couinaud segments of the liver in a CT volume, from landmarks estimated in the image
 * ({@link CouinaudLandmarks}) on the liver {@link LiverByMixture} finds: the segment of a lesion is the label at its
 * centre. Volumes only: the planes need the liver's height.
 */
@Component(service = Segmenter.class)
@LoupeProvider(id = "locate.couinaud", name = "Couinaud segments", version = "1.0.0",
        inputTypes = {"GRAY:FLOAT32:1"},
        description = "Labels the liver of a CT volume with its Couinaud segments 1-8, from the hepatic veins, the "
                + "vena cava and the portal plane found in the image.")
public final class CouinaudSegmenter implements Segmenter {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(CouinaudSegmenter.class);
    private static final List<ParameterSpec> PARAMETERS = withVesselContrast();

    static final List<String> NAMES = names();

    private static List<ParameterSpec> withVesselContrast() {
        List<ParameterSpec> p = new ArrayList<>(LiverByMixture.PARAMETERS);
        p.add(ParameterSpec.real("vessel-contrast", 40, 10, 300, "How much brighter than the liver (HU) a "
                + "contrast-filled vessel is."));
        return List.copyOf(p);
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>(List.of("background"));
        for (int s = 1; s <= 8; s++) {
            n.add("segment " + s);
        }
        return List.copyOf(n);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public LabelImage segment(PixelImage image, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(image);
        throw LoupeException.badInput(image.metadata().label("image"), "is one slice; Couinaud segments need a "
                + "volume (a DICOM series or a NIfTI file)");
    }

    @Override
    public Volume segment(Volume input, ProcessingContext ctx) throws LoupeException {
        LiverByMixture.Liver liver = LiverByMixture.of(ctx.parameters()).apply(input, ctx.within(0, 0.4));
        CouinaudFrame frame = CouinaudLandmarks.estimate(input, liver, ctx.parameters().getDouble("vessel-contrast"),
                ctx.within(0.4, 0.95));
        Volume out = Volume.create(input.width(), input.height(), input.depth(), input.geometry());
        for (int k = 0; k < input.depth(); k++) {
            for (int j = 0; j < input.height(); j++) {
                for (int i = 0; i < input.width(); i++) {
                    if (liver.mask()[(k * input.height() + j) * input.width() + i]) {
                        double[] p = input.geometry().position(i, j, k);
                        out.set(i, j, k, frame.segmentOf(p[0], p[1], p[2]));
                    }
                }
            }
        }
        ctx.progress(1, "done");
        return out.with(out.geometry(), input.metadata().toBuilder().property("labels", String.join(",", NAMES))
                .property("couinaud.landmarks", frame.toString()).build().withStep(DESCRIPTOR.id(),
                        DESCRIPTOR.version()));
    }
}
