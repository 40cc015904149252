package org.loupe.pipeline.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.data.deeppcb.DeepPcbFiles;
import org.loupe.image.PixelImage;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.Item;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.PatchDecision;
import org.loupe.pipeline.PatchInspection;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;

/**
 * Runs a pipeline's steps on one input and writes its outputs atomically (a volume pipeline's through
 * {@link VolumeItemRunner}). Each provider is called through its
 * isolating handle after its parameters are bound and the image's type is checked against what it declares, so a
 * plugin that forgets either check still gets it.
 */
public final class ItemRunner {

    private final Pipeline pipeline;
    private final ProviderRegistry registry;
    private final ReadOptions readOptions;
    private final Path outDir;

    /** Runs {@code pipeline} with providers from {@code registry}, writing into {@code outDir}. */
    public ItemRunner(Pipeline pipeline, ProviderRegistry registry, ReadOptions readOptions, Path outDir) {
        this.pipeline = pipeline;
        this.registry = registry;
        this.readOptions = readOptions;
        this.outDir = outDir;
    }

    /**
     * Runs every step on the item.
     *
     * @throws LoupeException the first failure: INPUT for the item's files, PROVIDER for a provider, CANCELLED
     */
    public ItemResult run(Item item, String fingerprint, ProcessingContext ctx) throws LoupeException {
        long start = System.nanoTime();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        ProcessingContext itemCtx = ProcessingContext.builder().parameters(ctx.parameters())
                .cancelWhen(ctx::isCancelled).onProgress(ctx::progress).onWarning(warnings::add).build();
        if (pipeline.volumes()) {
            return new VolumeItemRunner(pipeline, registry, readOptions, outDir).run(item, fingerprint, itemCtx,
                    warnings);
        }
        ItemFiles files = new ItemFiles(readOptions);
        PixelImage image = files.read(item.file());
        List<Detection> found = List.of();
        List<PatchDecision> decisions = null;
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        for (Step step : pipeline.steps()) {
            itemCtx.checkCancelled();
            if (step instanceof Step.Enhance s) {
                image = enhance(s, image, itemCtx);
            } else if (step instanceof Step.Detect s) {
                found = detect(s, item, image, files, itemCtx);
            } else if (step instanceof Step.Classify s) {
                decisions = classify(s, item, image, files, itemCtx);
            } else if (step instanceof Step.Measure s) {
                metrics.put(s.provider(), measure(s, item, image, files, itemCtx));
            }
        }
        // an item given up on (cancelled, or past its time limit) writes nothing, even if its steps ended late
        itemCtx.checkCancelled();
        if (pipeline.enhances() && pipeline.images()) {
            outputs.add(writeImage(item, image));
        }
        if (pipeline.detectStep().isPresent()) {
            outputs.add(writeText(outDir, item.name() + ".txt", DeepPcbFiles.format(found)));
        }
        Map<String, Integer> patches = new TreeMap<>();
        if (decisions != null) {
            decisions.forEach(d -> patches.merge(d.verdict().label(), 1, Integer::sum));
            outputs.add(writeText(outDir, item.name() + ".patches.csv", PatchTable.csv(decisions)));
        }
        return new ItemResult(item.file().toString(), item.name(), ItemResult.OK, 0, null, outputs, found, metrics,
                patches, warnings, (System.nanoTime() - start) / 1_000_000, fingerprint);
    }

    private PixelImage enhance(Step.Enhance s, PixelImage image, ProcessingContext ctx) throws LoupeException {
        ProviderHandle<ImageEnhancer> h = registry.provider(s.provider(), ImageEnhancer.class);
        h.descriptor().requireAccepted(image);
        ProcessingContext bound = context(h, s, ctx);
        PixelImage in = image;
        PixelImage out = h.call(e -> e.enhance(in, bound));
        // stamped here once, so a plugin that forgets to still names itself in the outputs it made; a learned one's
        // own stamp goes on to name its model ("id@version (model ...)")
        String step = h.descriptor().id() + "@" + h.descriptor().version();
        List<String> made = out.metadata().provenance();
        boolean stamped = !made.isEmpty() && (made.get(made.size() - 1).equals(step)
                || made.get(made.size() - 1).startsWith(step + " ("));
        return stamped ? out : out.withMetadata(out.metadata().withStep(h.descriptor().id(), h.descriptor().version()));
    }

    private List<Detection> detect(Step.Detect s, Item item, PixelImage image, ItemFiles files,
            ProcessingContext ctx) throws LoupeException {
        ProviderHandle<DefectDetector> h = registry.provider(s.provider(), DefectDetector.class);
        h.descriptor().requireAccepted(image);
        PixelImage reference = s.reference() == null ? null : files.read(s.reference().resolve(item.file(),
                item.name()));
        ProcessingContext bound = context(h, s, ctx);
        // all of them, with their confidences, as DeepPCB's prediction files hold them; the threshold applies to counts
        return h.call(d -> d.detect(image, reference, bound));
    }

    private List<PatchDecision> classify(Step.Classify s, Item item, PixelImage image, ItemFiles files,
            ProcessingContext ctx) throws LoupeException {
        ProviderHandle<DefectClassifier> h = registry.provider(s.provider(), DefectClassifier.class);
        h.descriptor().requireAccepted(image);
        PixelImage reference = s.reference() == null ? null : files.read(s.reference().resolve(item.file(),
                item.name()));
        return PatchInspection.classify(image, reference, s.patch(), h, context(h, s, ctx));
    }

    private double measure(Step.Measure s, Item item, PixelImage image, ItemFiles files, ProcessingContext ctx)
            throws LoupeException {
        ProviderHandle<ImageMetric> h = registry.provider(s.provider(), ImageMetric.class);
        PixelImage reference = files.read(s.reference().resolve(item.file(), item.name()));
        ProcessingContext bound = context(h, s, ctx);
        return h.call(m -> m.measure(image, reference, bound)).value();
    }

    private static <S extends LoupeService> ProcessingContext context(ProviderHandle<S> h, Step s,
            ProcessingContext ctx) throws LoupeException {
        Parameters p = Parameters.bind(h.call(LoupeService::parameters), s.params());
        return ProcessingContext.builder().parameters(p).cancelWhen(ctx::isCancelled).onProgress(ctx::progress)
                .onWarning(ctx::warn).build();
    }

    /** Writes the image in the pipeline's format, else the input's, else TIFF when that cannot hold the result. */
    private String writeImage(Item item, PixelImage image) throws LoupeException {
        ImageFormat format = (pipeline.format() != null ? ImageFormat.fromFileName("x." + pipeline.format())
                .orElseThrow() : ImageFormat.fromFileName(item.file().getFileName().toString())
                .orElse(ImageFormat.PNG)).orTiffFor(image.type());
        String name = item.name() + "." + format.extension();
        ImageFiles.write(image, outDir.resolve(name), format);
        return name;
    }

    /** Writes a text output atomically; its name, for the item's record. */
    static String writeText(Path outDir, String name, String text) throws LoupeException {
        try {
            AtomicFiles.writeString(outDir.resolve(name), text);
            return name;
        } catch (IOException e) {
            throw LoupeException.badInput(outDir.resolve(name).toString(), "cannot be written (" + e.getMessage()
                    + ")", e);
        }
    }
}
