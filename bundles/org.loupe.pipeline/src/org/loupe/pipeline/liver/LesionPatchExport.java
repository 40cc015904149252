package org.loupe.pipeline.liver;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.loupe.api.LoupeBuild;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.ct.CtLiverDataset;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.data.ct.LesionPatches;
import org.loupe.data.ct.Tumour;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;
import org.loupe.pipeline.BatchPolicy;
import org.loupe.pipeline.Inputs;
import org.loupe.pipeline.OutputPlan;

/**
 * A lesion classifier's training data from CT liver phantoms: every candidate the liver stages find
 * ({@link LiverFindings}) labelled by the truth it covers (tumour, cyst, or normal for a candidate that is no lesion),
 * cut as a float TIFF patch in HU on its largest slice and the slices either side, into {@code CLASS/} folders, with
 * {@code patches.csv} listing them and {@code lesion-patches.json} saying how the set was made and how many lesions
 * the candidate stage missed (they cannot be learnt from, and they bound the sensitivity of the whole chain).
 */
public final class LesionPatchExport {

    /**
     * What was written.
     *
     * @param cases   cases read
     * @param patches patches per class
     * @param missed  lesions with no candidate
     */
    public record Summary(int cases, Map<String, Integer> patches, int missed) {
    }

    private LesionPatchExport() {
    }

    /**
     * Writes the patches of every case of the phantom sets into {@code out} (new or empty); with several sets, a
     * case is named by its set and its folder ({@code SET-case-001}).
     *
     * @param slices patches per candidate: 1 (its largest slice), 3 or 5 (and the slices around it)
     * @throws LoupeException USAGE for a folder that is not new or empty; INPUT for a data set without cases
     */
    public static Summary write(List<Path> datasets, Path out, LiverFindings.Stages stages, int slices,
            BatchPolicy policy, ReadOptions read, ProcessingContext ctx) throws LoupeException {
        if (!OutputPlan.isEmptyOrAbsent(out)) {
            throw LoupeException.usage(out + " is not empty; lesion patches are written only into a new or empty "
                    + "folder");
        }
        List<Path> dirs = new ArrayList<>();
        for (Path dataset : datasets) {
            dirs.addAll(Inputs.caseFolders(dataset, "case.json"));
        }
        StringBuilder csv = new StringBuilder("file,case,class,candidate,lesion,lesionDiameterMm,diameterMm,depthHu,"
                + "slice\n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] missed = new int[1];
        for (int n = 0; n < dirs.size(); n++) {
            Path dir = dirs.get(n);
            // cases of several sets are told apart by their set's name
            String name = datasets.size() == 1 ? dir.getFileName().toString() : dir.getParent().getFileName() + "-"
                    + dir.getFileName();
            ProcessingContext part = ctx.within((double) n / dirs.size(), (n + 1.0) / dirs.size());
            policy.item(dir.toString(), () -> {
                LiverFindings f = stages.onCase(dir, name, read, part);
                CaseTruth.Covered truth = CaseTruth.Covered.inCase(dir, f.candidates(), read);
                Set<Integer> found = new HashSet<>();
                for (LesionCandidates.Candidate c : f.candidates().candidates()) {
                    Tumour t = truth.of(c.id());
                    String label = t == null ? "normal" : CaseTruth.classOf(t);
                    if (t != null) {
                        found.add(t.id());
                    }
                    for (int dk = -(slices / 2); dk <= slices / 2; dk++) {
                        String file = String.format(Locale.ROOT, "%s/%s-c%02d-s%+d.tif", label, name, c.id(), dk);
                        ImageFiles.write(LesionPatches.cut(f.ct(), c, c.slice() + dk, file), out.resolve(file));
                        csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.1f,%.1f,%.1f,%d%n", file, name, label,
                                c.id(), t == null ? 0 : t.id(), t == null ? 0 : t.diameterMm(), c.diameterMm(),
                                c.depthHu(), c.slice() + dk));
                        counts.merge(label, 1, Integer::sum);
                    }
                }
                missed[0] += truth.listed().size() - found.size();
                return name;
            });
        }
        try {
            AtomicFiles.writeString(out.resolve("patches.csv"), csv.toString());
            Map<String, Object> made = new LinkedHashMap<>();
            made.put("generator", "loupe data lesion-patches");
            made.put("loupeVersion", LoupeBuild.version());
            made.put("note", CtLiverDataset.NOT_PATIENTS);
            made.put("from", datasets.stream().map(d -> d.toAbsolutePath().toString()).toList());
            made.put("stages", stages.describe());
            made.put("slicesPerCandidate", slices);
            made.put("patches", counts);
            made.put("lesionsWithoutCandidate", missed[0]);
            AtomicFiles.writeString(out.resolve("lesion-patches.json"), new GsonBuilder().setPrettyPrinting().create()
                    .toJson(made) + "\n");
        } catch (IOException e) {
            throw LoupeException.badInput(out.toString(), "cannot be written (" + e.getMessage() + ")", e);
        }
        return new Summary(dirs.size(), counts, missed[0]);
    }
}
