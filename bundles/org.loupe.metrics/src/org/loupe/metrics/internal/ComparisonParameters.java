package org.loupe.metrics.internal;

import java.util.List;
import java.util.Locale;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.metrics.image.ImageComparison;

/** The parameters PSNR and SSIM share, and their translation into an {@link ImageComparison}. */
final class ComparisonParameters {

    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.choice("channels", List.of("y", "all"),
                    "y: BT.601 luma of RGB images (MATLAB rgb2ycbcr); all: every band."),
            ParameterSpec.integer("shave", 0, 0, 10_000, 1, "Pixels removed from every border first."),
            ParameterSpec.real("range", 0, 0, 1e12, "Data range; 0 means 255, 65535 or 1 by image type."));

    private ComparisonParameters() {
    }

    static ImageComparison from(Parameters p) {
        return new ImageComparison(ImageComparison.Channels.valueOf(p.getString("channels").toUpperCase(Locale.ROOT)),
                p.getInt("shave"), p.getDouble("range"));
    }
}
