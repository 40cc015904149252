package org.loupe.data.ct;

import java.util.List;
import java.util.SplittableRandom;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.ImageMetadata;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.numerics.filter.SeparableVolume;

/**
 * A synthetic abdominal CT with its truth: an abdomen ({@link LiverAnatomy}) sampled on a voxel grid, blurred by the
 * scanner's point spread (which also gives partial volume at edges) and overlaid with correlated noise whose level
 * follows the dose; label volumes for the liver, each tumour and the Couinaud segments, taken at voxel centres before
 * blur. A phantom is not a patient: it has the structure the seed method needs (contrast between tissues, vessels
 * that define the segments, lesions of known kind, size and place), not the variety of real anatomy.
 */
public final class LiverPhantom {

    /** Noise in Hounsfield units (standard deviation) at the two doses. */
    public enum Dose {
        /** A routine abdominal scan. */
        NORMAL(12),
        /** About a quarter of the dose: twice the noise. */
        LOW(24);

        private final double sigma;

        Dose(double sigma) {
            this.sigma = sigma;
        }

        /** The noise standard deviation, HU. */
        public double sigma() {
            return sigma;
        }
    }

    /**
     * One generated case.
     *
     * @param ct       the CT volume, Hounsfield units
     * @param liver    1 inside the liver (lesions and intrahepatic vessels included), else 0
     * @param tumours  each lesion's id inside it, else 0
     * @param couinaud the segment (1 to 8) of every liver voxel, else 0
     * @param truth    the lesions
     * @param frame    the landmarks that define the segments
     * @param dose     the dose it was made at
     */
    public record Case(Volume ct, Volume liver, Volume tumours, Volume couinaud, List<Tumour> truth,
            CouinaudFrame frame, Dose dose) {
    }

    private LiverPhantom() {
    }

    /**
     * Generates a case; the same seed always gives the same voxels.
     *
     * @param size   columns and rows (pixel spacing chosen so the field of view is 358 mm)
     * @param slices axial slices, 2.5 mm apart, centred on the liver
     * @throws LoupeException CANCELLED if cancelled
     */
    public static Case generate(long seed, int size, int slices, Dose dose, ProcessingContext ctx)
            throws LoupeException {
        double pixel = 358.0 / size;
        double thickness = 2.5;
        double zTop = (slices - 1) / 2.0 * thickness + 10;
        LiverAnatomy a = new LiverAnatomy(seed, zTop);
        double x0 = -(size - 1) / 2.0 * pixel;
        double z0 = 10 - (slices - 1) / 2.0 * thickness;
        VoxelGeometry g = new VoxelGeometry(pixel, pixel, thickness, new double[] {x0, x0, z0},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        Volume ct = Volume.create(size, size, slices, g);
        Volume liver = Volume.create(size, size, slices, g);
        Volume tumours = Volume.create(size, size, slices, g);
        Volume segments = Volume.create(size, size, slices, g);
        for (int k = 0; k < slices; k++) {
            ctx.checkCancelled();
            ctx.progress(0.8 * k / slices, "anatomy");
            double z = z0 + k * thickness;
            for (int j = 0; j < size; j++) {
                double y = x0 + j * pixel;
                for (int i = 0; i < size; i++) {
                    double x = x0 + i * pixel;
                    LiverAnatomy.Tissue t = a.tissue(x, y, z, true);
                    double hu = t.hu;
                    if (t == LiverAnatomy.Tissue.LIVER) {
                        hu += 6 * a.texture(x, y, z);
                    } else if (t == LiverAnatomy.Tissue.VISCERA) {
                        hu += 55 * a.texture(1.7 * x, 1.7 * y, 1.7 * z) - 15;
                    } else if (t == LiverAnatomy.Tissue.METASTASIS) {
                        hu += 10 * a.texture(3 * x, 3 * y, 3 * z);
                    }
                    ct.set(i, j, k, (float) hu);
                    if (isLiver(t)) {
                        liver.set(i, j, k, 1);
                        segments.set(i, j, k, a.segment(x, y, z));
                        if (t == LiverAnatomy.Tissue.CYST || t == LiverAnatomy.Tissue.METASTASIS
                                || t == LiverAnatomy.Tissue.METASTASIS_RIM) {
                            tumours.set(i, j, k, lesionAt(a, x, y, z));
                        }
                    }
                }
            }
        }
        ctx.progress(0.85, "blur and noise");
        Volume blurred = blur(ct, 0.6, 0.4);
        addNoise(blurred, dose.sigma(), new SplittableRandom(seed ^ 0x5DEECE66DL));
        String name = "liver phantom " + seed;
        ImageMetadata m = ImageMetadata.builder().name(name).property("modality", "CT").property("unit", "HU")
                .build();
        ctx.progress(1, "done");
        return new Case(blurred.with(g, m), liver.with(g, labelled(name, "liver")), tumours.with(g, labelled(name,
                "tumours")), segments.with(g, labelled(name, "couinaud")), a.lesions.stream()
                .map(LiverAnatomy.Lesion::truth).toList(), a.frame, dose);
    }

    /** The volume blurred by a Gaussian of {@code sigmaXy} voxels in plane and {@code sigmaZ} slices across. */
    private static Volume blur(Volume v, double sigmaXy, double sigmaZ) {
        float[] xy = SeparableVolume.gaussian(sigmaXy);
        return Volume.wrap(SeparableVolume.convolve(v.data(), v.width(), v.height(), v.depth(), xy, xy,
                SeparableVolume.gaussian(sigmaZ)), v.width(), v.height(), v.depth(), v.geometry(), v.metadata());
    }

    private static ImageMetadata labelled(String name, String what) {
        return ImageMetadata.builder().name(name + " " + what).build();
    }

    private static boolean isLiver(LiverAnatomy.Tissue t) {
        return switch (t) {
            case LIVER, HEPATIC_VEIN, INTRAHEPATIC_PORTAL_VEIN, CYST, METASTASIS, METASTASIS_RIM -> true;
            default -> false;
        };
    }

    private static int lesionAt(LiverAnatomy a, double x, double y, double z) {
        for (LiverAnatomy.Lesion l : a.lesions) {
            if (l.part(x, y, z) > 0) {
                return l.truth().id();
            }
        }
        return 0;
    }

    /** Gaussian noise blurred like the image (CT noise is correlated), then rescaled to the wanted deviation. */
    private static void addNoise(Volume v, double sigma, SplittableRandom r) {
        Volume noise = Volume.create(v.width(), v.height(), v.depth(), v.geometry());
        float[] n = noise.data();
        for (int i = 0; i < n.length; i++) {
            n[i] = (float) r.nextGaussian();
        }
        Volume smooth = blur(noise, 0.7, 0.3);
        float[] s = smooth.data();
        double sum2 = 0;
        for (float f : s) {
            sum2 += f * f;
        }
        double scale = sigma / Math.sqrt(sum2 / s.length);
        float[] d = v.data();
        for (int i = 0; i < d.length; i++) {
            d[i] += (float) (s[i] * scale);
        }
    }
}
