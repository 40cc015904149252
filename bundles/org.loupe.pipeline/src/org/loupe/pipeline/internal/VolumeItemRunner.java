package org.loupe.pipeline.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.SaliencyExplainer;
import org.loupe.api.Segmenter;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.data.ct.LesionPatches;
import org.loupe.data.ct.Tumour;
import org.loupe.image.GrayF32;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.metrics.segmentation.SurfaceDistances;
import org.loupe.metrics.segmentation.VolumeMask;
import org.loupe.pipeline.Item;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;
import org.loupe.pipeline.evaluation.LabelMapEvaluation;
import org.loupe.pipeline.evaluation.LesionEvaluation;
import org.loupe.pipeline.liver.CaseTruth;
import org.loupe.pipeline.liver.HeatMaps;
import org.loupe.pipeline.liver.LesionFinding;
import org.loupe.pipeline.liver.LiverFindings;
import org.loupe.pipeline.liver.NearestLabel;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;

/**
 * Runs a volume pipeline's steps on one volume: enhancers on the whole volume, segmenters writing their label maps
 * ({@code NAME.ID.nii.gz}, scored against a truth map where the step names one), and the lesion stage, which
 * classifies the candidates inside the liver the latest segmenter found and writes {@code NAME.lesions.csv} (each
 * lesion's place, size, verdict and the label every segmenter gives its centre, e.g. its Couinaud segment) and one
 * heat-map picture per lesion ({@code NAME.lesion-NN.png}).
 */
final class VolumeItemRunner {

    private final Pipeline pipeline;
    private final ProviderRegistry registry;
    private final ReadOptions readOptions;
    private final Path outDir;

    VolumeItemRunner(Pipeline pipeline, ProviderRegistry registry, ReadOptions readOptions, Path outDir) {
        this.pipeline = pipeline;
        this.registry = registry;
        this.readOptions = readOptions;
        this.outDir = outDir;
    }

    /** A segment step's labels, kept for the lesions that come later. */
    private record Labels(String provider, Volume volume) {
    }

    ItemResult run(Item item, String fingerprint, ProcessingContext ctx, List<String> warnings) throws LoupeException {
        long start = System.nanoTime();
        Volume read = VolumeFiles.read(item.file(), readOptions);
        Volume volume = read;
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        List<Labels> labels = new ArrayList<>();
        List<LesionFinding> findings = null;
        LesionCandidates.Found found = null;
        Step.Lesions lesionStep = null;
        int steps = pipeline.steps().size();
        for (int i = 0; i < steps; i++) {
            Step step = pipeline.steps().get(i);
            ProcessingContext part = ctx.within((double) i / steps, (i + 1.0) / steps);
            part.checkCancelled();
            if (step instanceof Step.Enhance s) {
                ProviderHandle<ImageEnhancer> h = registry.provider(s.provider(), ImageEnhancer.class);
                ProcessingContext bound = bind(h, s, part);
                Volume in = volume;
                volume = h.call(e -> e.enhance(in, bound));
            } else if (step instanceof Step.Segment s) {
                ProviderHandle<Segmenter> h = registry.provider(s.provider(), Segmenter.class);
                ProcessingContext bound = bind(h, s, part);
                Volume in = s.asRead() ? read : volume;
                Volume out = h.call(g -> g.segment(in, bound));
                labels.add(new Labels(s.provider(), out));
                outputs.add(writeVolume(out, item.name() + "." + s.provider() + ".nii.gz"));
                if (s.truth() != null) {
                    metrics.putAll(score(s, out, VolumeFiles.read(s.truth().resolve(item.file(), item.name()),
                            readOptions)));
                }
            } else if (step instanceof Step.Lesions s) {
                ProviderHandle<DefectClassifier> h = registry.provider(s.provider(), DefectClassifier.class);
                ProcessingContext bound = bind(h, s, part);
                LiverFindings f = LiverFindings.of(volume, labels.get(labels.size() - 1).volume(), item.name(), bound);
                found = f.candidates();
                findings = classify(f, h, bound);
                lesionStep = s;
                outputs.add(writeVolume(found.labels(), item.name() + "." + s.provider() + ".nii.gz"));
            }
        }
        if (pipeline.enhances() && pipeline.images()) {
            outputs.add(writeVolume(volume, item.name() + ".nii.gz"));
        }
        Map<String, Integer> called = new TreeMap<>();
        if (findings != null) {
            findings.forEach(f -> called.merge(f.verdict().label(), 1, Integer::sum));
            outputs.addAll(writeLesions(item, findings, labels));
            Volume saliency = saliency(volume, findings);
            if (saliency != null) {
                outputs.add(writeVolume(saliency, item.name() + ".saliency.nii.gz"));
            }
            if (lesionStep.truth() != null) {
                CaseTruth.Covered truth = CaseTruth.Covered.of(lesionStep.truth().resolve(item.file(), item.name()),
                        lesionStep.lesionMap().resolve(item.file(), item.name()), found, readOptions);
                metrics.putAll(LesionEvaluation.ofCase(item.name(), findings.stream().map(LesionFinding::verdict)
                        .toList(), found, truth).counts());
                metrics.putAll(located(findings, truth, labels));
            }
        }
        return new ItemResult(item.file().toString(), item.name(), ItemResult.OK, 0, null, outputs, List.of(),
                metrics, called, warnings, (System.nanoTime() - start) / 1_000_000, fingerprint);
    }

    private static List<LesionFinding> classify(LiverFindings f, ProviderHandle<DefectClassifier> h,
            ProcessingContext ctx) throws LoupeException {
        List<LesionFinding> out = new ArrayList<>();
        for (LesionCandidates.Candidate c : f.candidates().candidates()) {
            ctx.checkCancelled();
            PixelImage input = f.input(c, h.descriptor());
            Classification v = h.call(k -> k.classify(input, null, ctx));
            // explained is what a reader looks at: at a low dose most of a case's hundred-odd candidates are
            // specks of noise the classifier calls normal
            Map<String, GrayF32> maps = v.label().equals("normal") ? Map.of() : h.call(k -> k instanceof
                    SaliencyExplainer e ? e.explain(input, null, v.label(), ctx) : Map.of());
            out.add(new LesionFinding(c, f.patches().get(c.id() - 1), v, maps));
        }
        return out;
    }

    /**
     * Dice and HD95 of label 1 for a truth of one label, else the share of the truth's labelled voxels given the
     * same label.
     */
    private static Map<String, Double> score(Step.Segment s, Volume found, Volume truth) throws LoupeException {
        if (truth.width() != found.width() || truth.height() != found.height() || truth.depth() != found.depth()) {
            throw LoupeException.badInput(truth.metadata().label("the truth"), "is " + truth.width() + "x"
                    + truth.height() + "x" + truth.depth() + ", the segmentation " + found.width() + "x"
                    + found.height() + "x" + found.depth());
        }
        float max = 0;
        for (float v : truth.data()) {
            max = Math.max(max, v);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        if (max <= 1) {
            SurfaceDistances d = SurfaceDistances.of(VolumeMask.of(found, 1), VolumeMask.nonZero(truth));
            m.put(s.provider() + " dice", d.dice());
            m.put(s.provider() + " hd95 mm", d.hausdorff95());
            return m;
        }
        m.put(s.provider() + " accuracy", LabelMapEvaluation.accuracy(found, truth));
        return m;
    }

    /**
     * For each segmenter after the liver's, how many lesions found (called tumour or cyst) get their listed segment
     * at their centre: Couinaud localisation of the lesions the chain found, not of the true centres.
     */
    private static Map<String, Double> located(List<LesionFinding> findings, CaseTruth.Covered truth,
            List<Labels> labels) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Labels l : labels.subList(1, labels.size())) {
            int placed = 0;
            int right = 0;
            for (LesionFinding f : findings) {
                Tumour t = truth.of(f.candidate().id());
                if (t != null && !f.verdict().label().equals("normal")) {
                    placed++;
                    right += labelAt(l.volume(), f.candidate()) == t.segment() ? 1 : 0;
                }
            }
            m.put("lesions: found and located by " + l.provider(), (double) placed);
            m.put("lesions: found and in their segment by " + l.provider(), (double) right);
        }
        return m;
    }

    private static int labelAt(Volume v, LesionCandidates.Candidate c) {
        double[] p = c.centre();
        return NearestLabel.of(v, p[0], p[1], p[2]);
    }

    private List<String> writeLesions(Item item, List<LesionFinding> findings, List<Labels> labels)
            throws LoupeException {
        List<String> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder("lesion,x_mm,y_mm,z_mm,diameter_mm,volume_mm3,mean_hu,label,confidence");
        List<String> details = findings.isEmpty() ? List.of() : new ArrayList<>(findings.get(0).verdict().details()
                .keySet());
        details.forEach(d -> csv.append(',').append(d));
        labels.forEach(l -> csv.append(',').append(l.provider()));
        csv.append(",heat_map\n");
        for (LesionFinding f : findings) {
            LesionCandidates.Candidate c = f.candidate();
            String picture = "";
            if (!f.heatMaps().isEmpty()) {
                picture = String.format(Locale.ROOT, "%s.lesion-%02d.png", item.name(), c.id());
                ImageFiles.write(HeatMaps.panels(f.patch(), new ArrayList<>(f.heatMaps().values())),
                        outDir.resolve(picture));
                written.add(picture);
            }
            double[] at = c.centre();
            double[] mm = labels.get(0).volume().geometry().position(at[0], at[1], at[2]);
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%.1f,%.1f,%.1f,%.0f,%.1f,%s,%.4f", c.id(), mm[0], mm[1],
                    mm[2], c.diameterMm(), c.volumeMm3(), c.meanHu(), f.verdict().label(), f.verdict().confidence()));
            for (String d : details) {
                csv.append(String.format(Locale.ROOT, ",%.4f", f.verdict().details().getOrDefault(d, Double.NaN)));
            }
            labels.forEach(l -> csv.append(',').append(labelAt(l.volume(), c)));
            csv.append(',').append(picture).append('\n');
        }
        written.add(ItemRunner.writeText(outDir, item.name() + ".lesions.csv", csv.toString()));
        return written;
    }

    /**
     * The Grad-CAM map of each lesion called tumour or cyst, placed back on its slice where its patch was cut, so
     * that a viewer can lay the explanation over the CT; null when no lesion was called or none was explained.
     */
    private static Volume saliency(Volume ct, List<LesionFinding> findings) {
        Volume out = null;
        for (LesionFinding f : findings) {
            GrayF32 map = f.heatMaps().get(SaliencyExplainer.GRAD_CAM);
            if (map != null) {
                out = out != null ? out : Volume.create(ct.width(), ct.height(), ct.depth(), ct.geometry());
                LesionPatches.place(out, f.candidate(), map);
            }
        }
        return out;
    }

    private String writeVolume(Volume v, String name) throws LoupeException {
        VolumeFiles.writeNifti(v, outDir.resolve(name));
        return name;
    }

    private static <S extends LoupeService> ProcessingContext bind(ProviderHandle<S> h, Step s, ProcessingContext ctx)
            throws LoupeException {
        return ctx.withParameters(Parameters.bind(h.call(LoupeService::parameters), s.params()));
    }
}
