package org.loupe.pipeline.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.metrics.image.SuperResolutionProtocol;
import org.loupe.registry.ProviderHandle;

/**
 * A super-resolution enhancer scored on a benchmark folder (Set5, Set14, ...) with the protocol of the published
 * tables ({@link SuperResolutionProtocol}): PSNR and SSIM on luma, per image and on average.
 *
 * @param scale    the upscaling factor
 * @param lrJpeg   the JPEG quality the low-resolution input was stored at, or null for the float protocol
 * @param images   one row per image
 * @param psnr     mean PSNR in dB
 * @param ssim     mean SSIM
 */
public record SrReport(int scale, Integer lrJpeg, List<Row> images, double psnr, double ssim) {

    /** One image's scores; width and height of the (cropped) high-resolution image. */
    public record Row(String image, int width, int height, double psnr, double ssim) {
    }

    /**
     * Shrinks each high-resolution image, enlarges it with the enhancer and scores the result.
     *
     * @param lrJpeg JPEG quality of the low-resolution input (1-100), or null
     * @throws LoupeException INPUT for an empty list or an unreadable image; what the enhancer throws
     */
    public static SrReport evaluate(ProviderHandle<ImageEnhancer> enhancer, ProcessingContext ctx, List<Path> files,
            int scale, Integer lrJpeg, ReadOptions read) throws LoupeException {
        List<Row> rows = new ArrayList<>();
        double psnr = 0;
        double ssim = 0;
        for (Path f : files) {
            PixelImage hr = ImageFiles.read(f, read);
            SuperResolutionProtocol.Pair pair = lrJpeg == null ? SuperResolutionProtocol.prepare(hr, scale)
                    : SuperResolutionProtocol.prepare(hr, scale, lr -> ImageFiles.jpegRoundTrip(lr, lrJpeg));
            PixelImage sr = enhancer.call(e -> e.enhance(pair.lowResolution(), ctx));
            SuperResolutionProtocol.Score s = SuperResolutionProtocol.score(sr, pair);
            psnr += s.psnr();
            ssim += s.ssim();
            rows.add(new Row(f.getFileName().toString(), pair.highResolution().width(),
                    pair.highResolution().height(), s.psnr(), s.ssim()));
        }
        return new SrReport(scale, lrJpeg, rows, psnr / files.size(), ssim / files.size());
    }

    /** How the low-resolution input is made, in one phrase. */
    public String lowResolution() {
        return lrJpeg == null ? "LR = imresize(Y/255, 1/scale, bicubic) in floating point"
                : "LR = Y of imresize(RGB, 1/scale, bicubic) rounded to 8 bits and stored as JPEG quality " + lrJpeg;
    }

    /** The whole protocol in one line. */
    public String protocol() {
        return "Y of MATLAB rgb2ycbcr; HR cropped to a multiple of the scale; " + lowResolution()
                + "; output rounded to 8 bits; scale pixels shaved; PSNR peak 255; SSIM Wang 2004";
    }

    /** The scores as nested maps and lists, for JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", scale);
        m.put("protocol", protocol());
        m.put("images", images);
        m.put("mean", Map.of("psnr", psnr, "ssim", ssim));
        return m;
    }
}
