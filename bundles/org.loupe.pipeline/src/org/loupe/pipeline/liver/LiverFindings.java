package org.loupe.pipeline.liver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.Segmenter;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.data.ct.LesionPatches;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.registry.ProviderHandle;

/**
 * The liver stages before classification, on one CT: the liver mask from a segmenter (its label 1), the lesion
 * candidates inside it and each candidate's patch. What the patch data set, the lesion evaluation and the liver
 * pipeline share, so all three see the same candidates.
 *
 * @param ct         the CT the candidates were found in and the patches cut from (denoised, if it was)
 * @param liver      the segmenter's label volume
 * @param candidates the candidates and their label volume
 * @param patches    one patch per candidate, in candidate order
 */
public record LiverFindings(Volume ct, Volume liver, LesionCandidates.Found candidates, List<GrayF32> patches) {

    /**
     * The stages as the data set and the evaluation run them outside a pipeline: an optional denoiser, then the
     * liver segmenter with its default parameters.
     *
     * @param denoiser           an enhancer run on the whole volume first, or null
     * @param denoiserParameters its parameters
     * @param segmenter          the liver segmenter (label 1 is the liver)
     */
    public record Stages(ProviderHandle<ImageEnhancer> denoiser, Parameters denoiserParameters,
            ProviderHandle<Segmenter> segmenter) {

        /**
         * Runs them on one CT.
         *
         * @param name names the patches ({@code NAME-cNN})
         * @throws LoupeException what a provider or the candidate stage throws
         */
        public LiverFindings on(Volume ct, String name, ProcessingContext ctx) throws LoupeException {
            Volume in = ct;
            if (denoiser != null) {
                in = denoiser.call(e -> e.enhance(ct, ctx.within(0, 0.3).withParameters(denoiserParameters)));
            }
            Volume denoised = in;
            Parameters defaults = Parameters.defaults(segmenter.call(LoupeService::parameters));
            Volume liver = segmenter.call(s -> s.segment(denoised, ctx.within(0.3, 0.85).withParameters(defaults)));
            return of(denoised, liver, name, ctx.within(0.85, 1));
        }

        /**
         * Runs them on the CT of a phantom case folder ({@code ct/}, as {@code loupe data ct-liver} writes it).
         *
         * @throws LoupeException INPUT for a series that cannot be read; what {@link #on} throws
         */
        public LiverFindings onCase(Path dir, String name, ReadOptions read, ProcessingContext ctx)
                throws LoupeException {
            return on(VolumeFiles.read(dir.resolve("ct"), read), name, ctx);
        }

        /** What they are, for records: {@code [denoiser params ->] segmenter}. */
        public String describe() {
            String seg = segmenter.descriptor().id() + " " + segmenter.descriptor().version();
            return denoiser == null ? seg : denoiser.descriptor().id() + " " + denoiser.descriptor().version() + " "
                    + denoiserParameters.asText() + " -> " + seg;
        }
    }

    /**
     * What a lesion classifier is given of candidate {@code c}: its patch on {@link LesionPatches#STACK_SLICES}
     * neighbouring slices (one band each, the middle one {@code patches().get(c.id() - 1)}) when the classifier
     * declares that input type, else the middle patch alone, the 2-D input every classifier takes.
     */
    public PixelImage input(LesionCandidates.Candidate c, ProviderDescriptor classifier) {
        GrayF32 patch = patches.get(c.id() - 1);
        return classifier.inputTypes().contains(ImageType.planarF32(LesionPatches.STACK_SLICES))
                ? LesionPatches.stack(ct, c, LesionPatches.STACK_SLICES, patch.metadata().name()) : patch;
    }

    /**
     * The candidate stage inside label 1 of {@code liver}, a segmenter's labels on the CT's grid.
     *
     * @throws LoupeException INPUT if the label volume does not fit the CT; CANCELLED
     */
    public static LiverFindings of(Volume ct, Volume liver, String name, ProcessingContext ctx) throws LoupeException {
        Volume mask = Volume.create(liver.width(), liver.height(), liver.depth(), liver.geometry());
        for (int p = 0; p < mask.data().length; p++) {
            mask.data()[p] = Math.round(liver.data()[p]) == 1 ? 1 : 0;
        }
        LesionCandidates.Found found = LesionCandidates.find(ct, mask, ctx);
        List<GrayF32> patches = new ArrayList<>();
        for (LesionCandidates.Candidate c : found.candidates()) {
            patches.add(LesionPatches.cut(ct, c, String.format(Locale.ROOT, "%s-c%02d", name, c.id())));
        }
        return new LiverFindings(ct, liver, found, List.copyOf(patches));
    }
}
