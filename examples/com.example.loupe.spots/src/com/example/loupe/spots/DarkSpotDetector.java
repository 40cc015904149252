package com.example.loupe.spots;

import java.util.ArrayDeque;
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
import org.osgi.service.component.annotations.Component;

/**
 * An example detector from outside Loupe: finds connected dark regions (voids, missing solder, pin-holes in a
 * back-lit board) below a threshold and reports their bounding boxes, scored by how dark they are.
 */
@Component(service = DefectDetector.class)
@LoupeProvider(id = "example.dark-spots", name = "Dark spot detector (example)", version = "1.0.0",
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
        double limit = ctx.parameters().getDouble("threshold") * image.type().pixelType().maxValue();
        int minArea = ctx.parameters().getInt("minArea");
        int w = image.width();
        int h = image.height();
        boolean[] seen = new boolean[w * h];
        List<Detection> found = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            ctx.checkCancelled();
            for (int x = 0; x < w; x++) {
                if (!seen[y * w + x] && image.getFloat(x, y, 0) < limit) {
                    Detection d = flood(image, seen, x, y, limit, minArea);
                    if (d != null) {
                        found.add(d);
                    }
                }
            }
            ctx.progress((y + 1) / (double) h, "dark spots");
        }
        return found;
    }

    /** Collects the 4-connected dark region at (x0, y0); null if it is smaller than {@code minArea}. */
    private static Detection flood(PixelImage image, boolean[] seen, int x0, int y0, double limit, int minArea) {
        int w = image.width();
        ArrayDeque<int[]> todo = new ArrayDeque<>();
        todo.add(new int[] {x0, y0});
        seen[y0 * w + x0] = true;
        int minX = x0;
        int maxX = x0;
        int minY = y0;
        int maxY = y0;
        int area = 0;
        double darkness = 0;
        while (!todo.isEmpty()) {
            int[] p = todo.poll();
            area++;
            darkness += limit - image.getFloat(p[0], p[1], 0);
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
            int[][] next = {{p[0] + 1, p[1]}, {p[0] - 1, p[1]}, {p[0], p[1] + 1}, {p[0], p[1] - 1}};
            for (int[] q : next) {
                if (q[0] >= 0 && q[1] >= 0 && q[0] < w && q[1] < image.height() && !seen[q[1] * w + q[0]]
                        && image.getFloat(q[0], q[1], 0) < limit) {
                    seen[q[1] * w + q[0]] = true;
                    todo.add(q);
                }
            }
        }
        if (area < minArea) {
            return null;
        }
        double score = Math.min(1, darkness / area / limit);
        return new Detection(minX, minY, maxX + 1, maxY + 1, "dark-spot", score);
    }
}
