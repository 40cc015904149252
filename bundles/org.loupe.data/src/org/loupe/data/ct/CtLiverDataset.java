package org.loupe.data.ct;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loupe.api.LoupeBuild;
import org.loupe.api.LoupeException;
import org.loupe.api.ProcessingContext;
import org.loupe.data.internal.Staging;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.VolumeFiles;

/**
 * A folder of CT liver phantoms ({@link LiverPhantom}): per case a DICOM series ({@code case-001/ct/}), NIfTI label
 * maps ({@code liver.nii.gz}, {@code tumours.nii.gz}, {@code couinaud.nii.gz}) and {@code case.json} with the lesions
 * and landmarks; {@code ct-liver.json} at the top says how the set was made. Case {@code i} is the phantom of seed
 * {@code seed * 1000003 + i}, so sets of different seeds share no case. Made in a sibling folder and moved into place
 * at the end; written only into a new or empty folder.
 */
public final class CtLiverDataset {

    /** What every set's description says, so that no figure measured on it is mistaken for a clinical one. */
    public static final String NOT_PATIENTS = "Synthetic phantoms, not patients: no clinical claim rests on results "
            + "measured on them.";

    /**
     * What was written.
     *
     * @param cases    cases written
     * @param tumours  lesions in all cases
     */
    public record Summary(int cases, int tumours) {
    }

    private CtLiverDataset() {
    }

    /**
     * Generates {@code count} cases into {@code out}.
     *
     * @throws LoupeException USAGE for a folder that is not new or empty; INPUT if a file cannot be written;
     *                        CANCELLED
     */
    public static Summary create(Path out, int count, long seed, int size, int slices, LiverPhantom.Dose dose,
            ProcessingContext ctx) throws LoupeException {
        Path work = Staging.begin(out);
        List<Map<String, Object>> cases = new ArrayList<>();
        int tumours = 0;
        try {
            for (int i = 0; i < count; i++) {
                String name = String.format(Locale.ROOT, "case-%03d", i + 1);
                LiverPhantom.Case c = LiverPhantom.generate(seed * 1_000_003L + i, size, slices, dose,
                        ctx.within((double) i / count, (i + 0.9) / count));
                Path dir = work.resolve(name);
                VolumeFiles.writeDicomSeries(c.ct(), dir.resolve("ct"), "CT", "Loupe liver phantom " + name);
                VolumeFiles.writeNifti(c.liver(), dir.resolve("liver.nii.gz"));
                VolumeFiles.writeNifti(c.tumours(), dir.resolve("tumours.nii.gz"));
                VolumeFiles.writeNifti(c.couinaud(), dir.resolve("couinaud.nii.gz"));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("case", name);
                m.put("seed", seed * 1_000_003L + i);
                m.put("dose", dose.name().toLowerCase(Locale.ROOT));
                m.put("noiseHu", dose.sigma());
                m.put("tumours", c.truth());
                m.put("landmarks", c.frame());
                AtomicFiles.writeString(dir.resolve("case.json"), new GsonBuilder().setPrettyPrinting().create()
                        .toJson(m) + "\n");
                cases.add(Map.of("case", name, "tumours", c.truth().size()));
                tumours += c.truth().size();
            }
            Map<String, Object> made = new LinkedHashMap<>();
            made.put("generator", "loupe data ct-liver");
            made.put("loupeVersion", LoupeBuild.version());
            made.put("note", NOT_PATIENTS);
            made.put("cases", count);
            made.put("seed", seed);
            made.put("size", size);
            made.put("slices", slices);
            made.put("dose", dose.name().toLowerCase(Locale.ROOT));
            made.put("list", cases);
            Staging.finish(work, out, "ct-liver.json", made);
        } catch (IOException e) {
            throw LoupeException.badInput(out.toString(), "cannot be written (" + e.getMessage() + ")", e);
        } finally {
            AtomicFiles.deleteScratch(work);
        }
        return new Summary(count, tumours);
    }
}
