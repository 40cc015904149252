package org.loupe.data.xray;

/**
 * The three image types of Shim, Kim et al.'s semiconductor X-ray dataset, reproduced with different simulated
 * equipment: frame size and train/test split as in the paper; tube energy, photon flux, focal-spot blur and detector
 * read noise chosen per type. The fluxes are set so that the 5 s (LQ) frames are about as noisy against the 90 s
 * (HQ) ones as the paper's (PSNR of LQ against HQ, peak 65535: about 31.7, 28.1 and 20.3 dB for S1, S2, S3).
 *
 * @param width        frame width in pixels
 * @param height       frame height in pixels
 * @param trainShare   fraction of the frames in the training split
 * @param keV          effective photon energy of the tube setting
 * @param flux         photons per pixel per second reaching an unobstructed detector pixel
 * @param blurSigma    standard deviation of the focal-spot and detector blur, pixels
 * @param readNoise    detector read noise, standard deviation in photon equivalents
 * @param pixelMicrons pixel pitch at the object, micrometres
 */
public record XrayType(String name, int width, int height, double trainShare, int keV, double flux,
        double blurSigma, double readNoise, double pixelMicrons) {

    /** 1024x1024, split 80:20; a 60 keV tube at high flux. */
    public static final XrayType S1 = new XrayType("S1", 1024, 1024, 0.8, 60, 204, 0.8, 2.0, 6);
    /** 1936x1536, split 90:10; an 80 keV tube at moderate flux. */
    public static final XrayType S2 = new XrayType("S2", 1936, 1536, 0.9, 80, 98, 1.0, 3.0, 8);
    /** 1900x1900, split 80:20; a 40 keV tube at low flux. */
    public static final XrayType S3 = new XrayType("S3", 1900, 1900, 0.8, 40, 13.5, 1.2, 2.0, 5);

    /** Short and long exposure of the paper, seconds. */
    public static final double LQ_SECONDS = 5;
    /** Long exposure, seconds. */
    public static final double HQ_SECONDS = 90;

    /** The three types in order. */
    public static XrayType[] all() {
        return new XrayType[] {S1, S2, S3};
    }

    /** The type named {@code name} (S1, S2 or S3, any case). */
    public static XrayType of(String name) {
        for (XrayType t : all()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown X-ray image type '" + name + "' (S1, S2 or S3)");
    }
}
