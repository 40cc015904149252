import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.File;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Regenerates Loupe's bundled demo images from the shared reference data. Run from the repository root:
 * {@code java bundles/org.loupe.samples/tools/MakeSamples.java ../shared/data bundles/org.loupe.samples/samples}
 * The output is deterministic (fixed crop, fixed seed); see samples/README.md for what each image is.
 */
public class MakeSamples {

    public static void main(String[] args) throws IOException {
        File data = new File(args[0]);
        File out = new File(args[1]);
        BufferedImage test = ImageIO.read(new File(data, "deeppcb/group00041/00041/00041000_test.jpg"));
        BufferedImage temp = ImageIO.read(new File(data, "deeppcb/group00041/00041/00041000_temp.jpg"));
        ImageIO.write(grey(test.getSubimage(224, 224, 320, 320)), "png", new File(out, "pcb-test.png"));
        ImageIO.write(xray(grey(temp.getSubimage(192, 192, 256, 256)), 7), "tiff", new File(out, "xray-board.tif"));
    }

    private static BufferedImage grey(BufferedImage src) {
        BufferedImage g = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(src, 0, 0, null);
        return g;
    }

    /**
     * A 16-bit transmission image: the board picture is read as copper thickness (black = 0.5 mm of copper, as
     * where stacked traces and planes overlap, on a 1.6 mm FR-4 core), attenuated by the Beer-Lambert law at an effective 40 keV, counted with Poisson statistics
     * at 4000 photons per open-beam pixel, scaled by a detector gain of 12 counts per photon, plus Gaussian read
     * noise (sigma 40) and 0.05% stuck (dead or hot) pixels.
     */
    private static BufferedImage xray(BufferedImage board, long seed) {
        Random rnd = new Random(seed);
        double muCopper = 31.0; // 1/cm at ~40 keV (about 3.5 cm^2/g x 8.96 g/cm^3)
        double muFr4 = 0.75;    // 1/cm at ~40 keV
        double photons = 4000;
        double gain = 12;
        BufferedImage out = new BufferedImage(board.getWidth(), board.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = out.getRaster();
        for (int y = 0; y < board.getHeight(); y++) {
            for (int x = 0; x < board.getWidth(); x++) {
                double copperCm = 0.05 * (1 - board.getRaster().getSample(x, y, 0) / 255.0); // DeepPCB draws copper black
                double expected = photons * Math.exp(-(muCopper * copperCm + muFr4 * 0.16));
                double counted = poisson(expected, rnd) * gain + 40 * rnd.nextGaussian() + 500;
                double u = rnd.nextDouble();
                if (u < 0.00025) {
                    counted = 0;
                } else if (u < 0.0005) {
                    counted = 65535;
                }
                r.setSample(x, y, 0, (int) Math.max(0, Math.min(65535, Math.round(counted))));
            }
        }
        return out;
    }

    private static double poisson(double lambda, Random rnd) {
        // normal approximation is accurate for the thousands of photons per pixel used here
        return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rnd.nextGaussian()));
    }
}
