package org.loupe.enhance.srq.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeProvider;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.image.FloatImages;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.PlanarF32;
import org.loupe.image.RgbU8;
import org.loupe.image.color.YCbCr;
import org.loupe.numerics.resample.Interpolation;
import org.loupe.numerics.resample.Resize;
import org.osgi.service.component.annotations.Component;

/**
 * x2 super-resolution with the quantized CNN of Kim and Lee: the luma goes through the network (bicubic plus a learned
 * residual), chroma is enlarged bicubically. Runs the 14-bit integer datapath by default, or the float network; both
 * in plain Java. Two models ship in this bundle, trained on Sun-Hays 80 with the bicubic and the realistic
 * degradation (docs/MODELS.md); {@code model} runs one trained by {@code loupe train enhance.srq} instead.
 */
@Component(service = ImageEnhancer.class)
@LoupeProvider(id = "enhance.srq", name = "Quantized SR CNN (x2)", version = "1.1.0",
        model = "srq.bicubic 2026-11-28T15:15:19.105321660Z, srq.realistic 2026-11-27T17:23:27.110562378Z",
        inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1", "GRAY:FLOAT32:1", "RGB:UINT8:3"},
        description = "x2 super-resolution, 2,496-weight CNN with 10-bit weights and 14-bit activations (Kim and "
                + "Lee); the realistic variant also removes JPEG artefacts and noise; keeps bit depth.")
public final class SrqEnhancer implements ImageEnhancer {

    /** Largest output accepted, so a huge input fails at once instead of exhausting memory. */
    static final long MAX_OUTPUT_PIXELS = 400_000_000L;

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.declaredBy(SrqEnhancer.class);
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice("variant", List.of("realistic", "bicubic"), "Shipped model: trained with the "
                    + "realistic degradation (compressed, noisy inputs) or with plain bicubic downscaling."),
            ParameterSpec.choice("precision", List.of("fixed", "float"), "The 14-bit integer datapath, or the "
                    + "float network it was quantized from."),
            ParameterSpec.text("model", "", "A model folder written by 'loupe train enhance.srq'; overrides "
                    + "the variant."),
            ParameterSpec.integer("scale", 2, 2, 2, 1, "Upscaling factor (the network is x2)."));

    private final Map<String, Loaded> engines = new ConcurrentHashMap<>();

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** A 2x result and the network's float planes at that size (YCbCr in, features of one tile, Y out). */
    @Override
    public long workingBytes(ImageType type, int width, int height, Parameters parameters) {
        long outPlanes = 4L * width * height;
        return outPlanes * type.bands() * (Float.BYTES + type.pixelType().bits() / 8) + outPlanes * 3 * Float.BYTES;
    }

    @Override
    public PixelImage enhance(PixelImage input, ProcessingContext ctx) throws LoupeException {
        DESCRIPTOR.requireAccepted(input);
        long outPixels = 4L * input.width() * input.height();
        if (outPixels > MAX_OUTPUT_PIXELS) {
            throw LoupeException.badInput(input.metadata().name(), "would make a " + outPixels / 1_000_000
                    + "-megapixel image, over the limit of " + MAX_OUTPUT_PIXELS / 1_000_000);
        }
        Loaded loaded = engine(ctx.parameters().getString("model"), ctx.parameters().getString("variant"),
                ctx.parameters().getString("precision").equals("fixed"));
        ResidualEngine engine = loaded.engine();
        PixelImage out;
        if (input instanceof RgbU8 rgb) {
            PlanarF32 ycc = YCbCr.fromRgb(rgb);
            GrayF32 y = FloatImages.toFloat(ycc, 0, 255);
            GrayF32 big = FloatImages.toFloat(Upscaler.upscale(engine, y, ctx), 0, 1 / 255.0);
            // fresh, dense images: their arrays are exactly their pixels
            GrayF32 cb = (GrayF32) Resize.byScale(ycc.band(1), 2, Interpolation.BICUBIC, ctx);
            GrayF32 cr = (GrayF32) Resize.byScale(ycc.band(2), 2, Interpolation.BICUBIC, ctx);
            out = YCbCr.toRgb(PlanarF32.wrap(big.width(), big.height(), big.data(), cb.data(), cr.data()));
        } else {
            PixelType type = input.type().pixelType();
            double full = type.isInteger() ? type.maxValue() : 1;
            GrayF32 big = Upscaler.upscale(engine, FloatImages.toFloat(input, 0, full), ctx);
            out = type.isInteger() ? FloatImages.fromFloat(big, input.type(), full) : big;
        }
        return out.withMetadata(input.metadata().withStep(DESCRIPTOR.id(), DESCRIPTOR.versionWithModel(
                loaded.model().id(), loaded.model().version())));
    }

    /** An engine with the model it was built from, which outputs name in their provenance. */
    private record Loaded(ResidualEngine engine, SrqModel model) {
    }

    private Loaded engine(String folder, String variant, boolean fixed) throws LoupeException {
        String key = (folder.isBlank() ? "shipped:" + variant : Path.of(folder).toAbsolutePath().normalize())
                + (fixed ? "/fixed" : "/float");
        Loaded e = engines.get(key);
        if (e == null) {
            e = folder.isBlank() ? shipped(variant, fixed) : fromFolder(Path.of(folder), fixed);
            engines.put(key, e);
        }
        return e;
    }

    private static Loaded fromFolder(Path folder, boolean fixed) throws LoupeException {
        SrqModel model = SrqModel.read(folder);
        if (!fixed) {
            return new Loaded(ReferenceNetwork.floating(model.kernels()), model);
        }
        Path file = folder.resolve(FixedPointFormat.FILE);
        try {
            return new Loaded(FixedPointFormat.parse(Files.readString(file)), model);
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw LoupeException.badInput(file.toString(), e.getMessage(), e);
        }
    }

    /** The shipped model of a variant; shipped with the bundle, so a missing one is a usage error (no such variant). */
    static SrqModel shippedModel(String variant) throws LoupeException {
        String file = "/models/" + variant + "/" + SrqModel.FILE;
        try (InputStream in = SrqEnhancer.class.getResourceAsStream(file)) {
            if (in == null) {
                throw LoupeException.usage("this build of enhance.srq has no '" + variant + "' model (" + file
                        + "); train one for enhance.srq and set the parameter model=FOLDER");
            }
            return SrqModel.read(in, "enhance.srq" + file);
        } catch (IOException e) {
            throw LoupeException.provider(DESCRIPTOR.id(), "its shipped model " + file + " cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    private static Loaded shipped(String variant, boolean fixed) throws LoupeException {
        SrqModel model = shippedModel(variant);
        String file = "/models/" + variant + "/" + FixedPointFormat.FILE;
        if (!fixed) {
            return new Loaded(ReferenceNetwork.floating(model.kernels()), model);
        }
        try (InputStream in = SrqEnhancer.class.getResourceAsStream(file)) {
            if (in == null) {
                throw LoupeException.provider(DESCRIPTOR.id(), "its shipped model lacks " + file, null);
            }
            return new Loaded(FixedPointFormat.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), model);
        } catch (IOException | IllegalArgumentException e) {
            throw LoupeException.provider(DESCRIPTOR.id(), "its shipped model " + file + " is damaged ("
                    + e.getMessage() + ")", e);
        }
    }
}
