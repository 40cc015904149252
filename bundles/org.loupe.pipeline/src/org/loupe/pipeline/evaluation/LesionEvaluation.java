package org.loupe.pipeline.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.data.ct.Tumour;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ReadOptions;
import org.loupe.metrics.classification.ConfusionMatrix;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.Inputs;
import org.loupe.pipeline.liver.CaseTruth;
import org.loupe.pipeline.liver.LiverFindings;
import org.loupe.registry.ProviderHandle;

/**
 * The liver lesion chain scored on phantoms with their truth: segmenter, candidate stage and classifier run on
 * every case, and each candidate's verdict is compared with the lesion it covers. Two levels: candidates (a 3x3
 * confusion matrix of tumour, cyst and normal) and lesions (a lesion counts as called a tumour if any of its
 * candidates is; one with no candidate is missed), with tumour sensitivity per size band, specificity over cysts and
 * candidates that are no lesion, and false tumour calls per case (the figure a reader of a real scan feels).
 *
 * @param candidates every candidate scored
 * @param lesions    every listed lesion, found or not
 * @param cases      cases scored
 * @param unscored   cases that could not be scored
 */
public record LesionEvaluation(List<CandidateRow> candidates, List<LesionRow> lesions, int cases,
        List<String> unscored) {

    /** Tumour size bands (mm, lower bound inclusive) the sensitivity is given for. */
    public static final double[] BANDS = {0, 10, 20, 40};

    /**
     * One candidate.
     *
     * @param caseName   its case
     * @param id         its number in the case
     * @param truth      tumour, cyst or normal (no lesion)
     * @param predicted  the classifier's label
     * @param confidence the classifier's confidence
     * @param diameterMm its in-plane diameter
     * @param volumeMm3  its volume
     * @param depthHu    how far its darkest smoothed voxel lies below the liver's level
     * @param tumourProbability the classifier's probability of tumour ({@link #TUMOUR_PROBABILITY} among its
     *                   details), NaN for a classifier that gives none
     */
    public record CandidateRow(String caseName, int id, String truth, String predicted, double confidence,
            double diameterMm, double volumeMm3, double depthHu, double tumourProbability) {
    }

    /**
     * One listed lesion.
     *
     * @param caseName   its case
     * @param lesion     the lesion as listed
     * @param truth      tumour or cyst
     * @param called     the most suspicious label given to its candidates (tumour before cyst before normal), or
     *                   {@code missed}
     * @param tumourProbability the highest probability of tumour among its candidates; NaN if it has none or the
     *                   classifier gives none
     */
    public record LesionRow(String caseName, Tumour lesion, String truth, String called, double tumourProbability) {

        /** A row without the probability of tumour. */
        public LesionRow(String caseName, Tumour lesion, String truth, String called) {
            this(caseName, lesion, truth, called, Double.NaN);
        }
    }

    /** The classification detail holding the probability of tumour, as {@code classify.liver.lesion} names it. */
    public static final String TUMOUR_PROBABILITY = "p(tumour)";

    /**
     * Runs and scores the chain on every case folder of {@code dataset} ({@code ct/}, {@code tumours.nii.gz},
     * {@code case.json}, as {@code loupe data ct-liver} writes them).
     *
     * @throws LoupeException INPUT for a data set without cases; what the policy does not absorb
     */
    public static LesionEvaluation run(LiverFindings.Stages stages, ProviderHandle<DefectClassifier> classifier,
            Path dataset, BatchPolicy policy, ReadOptions read, ProcessingContext ctx) throws LoupeException {
        List<Path> dirs = Inputs.caseFolders(dataset, "case.json");
        List<CandidateRow> candidates = new ArrayList<>();
        List<LesionRow> lesions = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        int scored = 0;
        for (int n = 0; n < dirs.size(); n++) {
            Path dir = dirs.get(n);
            String name = dir.getFileName().toString();
            ProcessingContext part = ctx.within((double) n / dirs.size(), (n + 1.0) / dirs.size());
            Optional<LesionEvaluation> one = policy.item(dir.toString(), () -> {
                LiverFindings f = stages.onCase(dir, name, read, part);
                List<Classification> verdicts = new ArrayList<>();
                for (LesionCandidates.Candidate c : f.candidates().candidates()) {
                    PixelImage input = f.input(c, classifier.descriptor());
                    verdicts.add(classifier.call(k -> k.classify(input, null, part)));
                }
                return ofCase(name, verdicts, f.candidates(), CaseTruth.Covered.inCase(dir, f.candidates(), read));
            });
            if (one.isPresent()) {
                candidates.addAll(one.get().candidates());
                lesions.addAll(one.get().lesions());
                scored++;
            } else {
                unscored.add(name);
            }
        }
        return new LesionEvaluation(List.copyOf(candidates), List.copyOf(lesions), scored, List.copyOf(unscored));
    }

    /**
     * One case scored: each candidate's verdict (in candidate order) against the lesion it covers, and each listed
     * lesion by its most suspicious candidate.
     */
    public static LesionEvaluation ofCase(String name, List<Classification> verdicts, LesionCandidates.Found found,
            CaseTruth.Covered truth) {
        List<CandidateRow> rows = new ArrayList<>();
        Map<Integer, String> called = new HashMap<>();
        Map<Integer, Double> likeliest = new HashMap<>();
        for (LesionCandidates.Candidate c : found.candidates()) {
            Classification v = verdicts.get(c.id() - 1);
            Tumour t = truth.of(c.id());
            double p = v.details().getOrDefault(TUMOUR_PROBABILITY, Double.NaN);
            rows.add(new CandidateRow(name, c.id(), t == null ? "normal" : CaseTruth.classOf(t), v.label(),
                    v.confidence(), c.diameterMm(), c.volumeMm3(), c.depthHu(), p));
            if (t != null) {
                called.merge(t.id(), v.label(), LesionEvaluation::moreSuspicious);
                likeliest.merge(t.id(), p, Math::max);
            }
        }
        List<LesionRow> listed = new ArrayList<>();
        for (Tumour t : truth.listed().values()) {
            listed.add(new LesionRow(name, t, CaseTruth.classOf(t), called.getOrDefault(t.id(), "missed"),
                    likeliest.getOrDefault(t.id(), Double.NaN)));
        }
        return new LesionEvaluation(List.copyOf(rows), List.copyOf(listed), 1, List.of());
    }

    /**
     * The counts behind the lesion-level figures, by name: what a pipeline records per case and sums over a run
     * ({@link #fromCounts}).
     */
    public Map<String, Double> counts() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(TUMOURS_10, (double) tumours(10, Double.MAX_VALUE));
        m.put(TUMOURS_10_CALLED, (double) lesions.stream().filter(r -> r.truth().equals("tumour")
                && r.lesion().diameterMm() >= 10 && r.called().equals("tumour")).count());
        m.put(TUMOURS, (double) tumours(0, Double.MAX_VALUE));
        m.put(TUMOURS_CALLED, (double) lesions.stream().filter(r -> r.truth().equals("tumour")
                && r.called().equals("tumour")).count());
        List<String> negatives = new ArrayList<>();
        lesions.stream().filter(r -> r.truth().equals("cyst")).forEach(r -> negatives.add(r.called()));
        candidates.stream().filter(c -> c.truth().equals("normal")).forEach(c -> negatives.add(c.predicted()));
        m.put(NEGATIVES, (double) negatives.size());
        m.put(NEGATIVES_RIGHT, (double) negatives.stream().filter(c -> !c.equals("tumour")).count());
        m.put(FALSE_TUMOURS, (double) candidates.stream().filter(c -> !c.truth().equals("tumour")
                && c.predicted().equals("tumour")).count());
        return m;
    }

    /** Sensitivity from 10 mm, all tumours' sensitivity and specificity from summed {@link #counts()}. */
    public static Map<String, Double> fromCounts(Map<String, Double> sums, int cases) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("tumour sensitivity from 10 mm", ratio(sums.get(TUMOURS_10_CALLED), sums.get(TUMOURS_10)));
        m.put("tumour sensitivity", ratio(sums.get(TUMOURS_CALLED), sums.get(TUMOURS)));
        m.put("specificity for tumour", ratio(sums.get(NEGATIVES_RIGHT), sums.get(NEGATIVES)));
        m.put("false tumour calls per case", ratio(sums.get(FALSE_TUMOURS), (double) cases));
        return m;
    }

    /** Count: tumours of 10 mm or more listed. */
    public static final String TUMOURS_10 = "lesions: tumours from 10 mm";
    /** Count: of those, called tumour. */
    public static final String TUMOURS_10_CALLED = "lesions: tumours from 10 mm called tumour";
    /** Count: tumours listed. */
    public static final String TUMOURS = "lesions: tumours";
    /** Count: of those, called tumour. */
    public static final String TUMOURS_CALLED = "lesions: tumours called tumour";
    /** Count: cysts listed and candidates that are no lesion. */
    public static final String NEGATIVES = "lesions: cysts and candidates that are no lesion";
    /** Count: of those, not called tumour. */
    public static final String NEGATIVES_RIGHT = "lesions: cysts and candidates that are no lesion not called tumour";
    /** Count: candidates of cysts or of no lesion called tumour. */
    public static final String FALSE_TUMOURS = "lesions: false tumour calls";

    private static double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? Double.NaN : a / b;
    }

    private static String moreSuspicious(String a, String b) {
        List<String> order = List.of("tumour", "cyst", "normal");
        int ia = order.indexOf(a);
        int ib = order.indexOf(b);
        return ia >= 0 && (ib < 0 || ia <= ib) ? a : b;
    }

    /** The candidate-level confusion matrix over tumour, cyst and normal. */
    public ConfusionMatrix candidateMatrix() {
        return ConfusionMatrix.of(List.of("tumour", "cyst", "normal"), candidates.stream().map(CandidateRow::truth)
                .toList(), candidates.stream().map(CandidateRow::predicted).toList());
    }

    /** Tumours of at least {@code fromMm} and below {@code toMm} called tumour, over all of them; NaN if none. */
    public double tumourSensitivity(double fromMm, double toMm) {
        long all = 0;
        long hit = 0;
        for (LesionRow r : lesions) {
            double d = r.lesion().diameterMm();
            if (r.truth().equals("tumour") && d >= fromMm && d < toMm) {
                all++;
                hit += r.called().equals("tumour") ? 1 : 0;
            }
        }
        return all == 0 ? Double.NaN : (double) hit / all;
    }

    /** Tumours in a band, for the denominators. */
    public long tumours(double fromMm, double toMm) {
        return lesions.stream().filter(r -> r.truth().equals("tumour") && r.lesion().diameterMm() >= fromMm
                && r.lesion().diameterMm() < toMm).count();
    }

    /**
     * Specificity for tumour at the lesion level: of the cysts and the candidates that are no lesion, the share not
     * called tumour.
     */
    public double specificity() {
        long negatives = 0;
        long right = 0;
        for (LesionRow r : lesions) {
            if (r.truth().equals("cyst")) {
                negatives++;
                right += r.called().equals("tumour") ? 0 : 1;
            }
        }
        for (CandidateRow c : candidates) {
            if (c.truth().equals("normal")) {
                negatives++;
                right += c.predicted().equals("tumour") ? 0 : 1;
            }
        }
        return negatives == 0 ? Double.NaN : (double) right / negatives;
    }

    /** Candidates that are no lesion or a cyst's, called tumour, per case scored. */
    public double falseTumoursPerCase() {
        long wrong = candidates.stream().filter(c -> !c.truth().equals("tumour") && c.predicted().equals("tumour"))
                .count();
        return cases == 0 ? Double.NaN : (double) wrong / cases;
    }

    /** Cysts called cyst over all cysts (found or not). */
    public double cystSensitivity() {
        long all = lesions.stream().filter(r -> r.truth().equals("cyst")).count();
        long hit = lesions.stream().filter(r -> r.truth().equals("cyst") && r.called().equals("cyst")).count();
        return all == 0 ? Double.NaN : (double) hit / all;
    }
}
