package com.example.loupe.spots;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.PixelImage;
import org.loupe.numerics.regions.ConnectedComponents;
import org.osgi.service.component.annotations.Component;

/**
 * An example detector from outside Loupe: finds connected dark regions (voids, missing solder, pin-holes in a
 * back-lit board) below a threshold and reports their bounding boxes, scored by how dark they are.
 */
@Component(service = DefectDetector.class)
@LoupeProvider(id = "example.spots", name = "Dark spot detector (example)", version = "1.0.0",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1"},
        description = "Connected regions darker than a threshold, at least a minimum area.")
public final class DarkSpotDetector implements DefectDetector {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(DarkSpotDetector.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("threshold", 0.25, 0, 1, "Darker than this fraction of the type's range is a spot."),
            ParameterSpec.integer("minArea", 4, 1, 1_000_000, 1, "Smallest spot in pixels."));

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** Spots are dark on their own: a reference, if given, is not needed and not used. */
    @Override
    public List<Detection> detect(PixelImage image, PixelImage reference, ProcessingContext ctx)
            throws LoupeException {
        DESCRIPTOR.requireAccepted(image);
        ctx.checkCancelled();
        double limit = ctx.parameters().getDouble("threshold") * image.type().pixelType().maxValue();
        int w = image.width();
        List<Detection> found = new ArrayList<>();
        for (ConnectedComponents.Component c : ConnectedComponents.find(w, image.height(), i -> image.getFloat(i % w, i / w, 0) < limit,
                ConnectedComponents.Connectivity.FOUR, ctx.parameters().getInt("minArea"))) {
            double darkness = 0;
            for (int p : c.pixels()) {
                darkness += limit - image.getFloat(p % w, p / w, 0);
            }
            found.add(new Detection(c.x1(), c.y1(), c.x2(), c.y2(), "dark-spot",
                    Math.min(1, darkness / c.area() / limit)));
        }
        ctx.progress(1, "dark spots");
        return found;
    }
}
