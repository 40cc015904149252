package org.loupe.pipeline.liver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.Volume;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.Step;

/**
 * What a volume pipeline wrote for one case, read back for viewing: the CT as read, each segmenter's label map, the
 * lesion candidates with the verdict on each, and the saliency volume. Outputs the run did not write are absent.
 *
 * @param ct       the input volume
 * @param labels   each segment step's labels, by provider, in step order
 * @param lesions  candidate ids at their voxels, or null without a lesions step
 * @param saliency Grad-CAM of the lesions called tumour or cyst, or null
 * @param rows     the lesion table by candidate id
 */
public record CaseOutputs(Volume ct, Map<String, Volume> labels, Volume lesions, Volume saliency,
        Map<Integer, Lesion> rows) {

    /** Copies the maps. */
    public CaseOutputs {
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        rows = Map.copyOf(rows);
    }

    /**
     * One row of {@code NAME.lesions.csv}.
     *
     * @param id         the candidate id
     * @param label      tumour, cyst or normal
     * @param confidence of that label
     * @param diameterMm in-plane diameter
     * @param located    each later segmenter's label at the lesion (e.g. its Couinaud segment), by provider
     */
    public record Lesion(int id, String label, double confidence, double diameterMm, Map<String, Integer> located) {

        /** Copies the map. */
        public Lesion {
            located = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(located));
        }

        /** "tumour 0.97, 18 mm, segment 7": how a viewer labels it. */
        public String caption() {
            StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "%s %.2f, %.0f mm", label,
                    confidence, diameterMm));
            located.forEach((provider, segment) -> s.append(provider.contains("couinaud") ? ", segment " : ", "
                    + provider + " ").append(segment));
            return s.toString();
        }
    }

    /**
     * Reads case {@code r} of a run of {@code pipeline} whose outputs are in {@code out}.
     *
     * @throws LoupeException INPUT for a damaged or missing volume or table the run lists
     */
    public static CaseOutputs read(Pipeline pipeline, ItemResult r, Path out, ReadOptions options)
            throws LoupeException {
        Volume ct = VolumeFiles.read(Path.of(r.input()), options);
        Map<String, Volume> labels = new LinkedHashMap<>();
        Volume lesions = null;
        for (Step step : pipeline.steps()) {
            String file = r.name() + "." + step.provider() + ".nii.gz";
            if (step instanceof Step.Segment && r.outputs().contains(file)) {
                labels.put(step.provider(), VolumeFiles.read(out.resolve(file), options));
            } else if (step instanceof Step.Lesions && r.outputs().contains(file)) {
                lesions = VolumeFiles.read(out.resolve(file), options);
            }
        }
        String saliencyFile = r.name() + ".saliency.nii.gz";
        Volume saliency = r.outputs().contains(saliencyFile) ? VolumeFiles.read(out.resolve(saliencyFile), options)
                : null;
        String table = r.name() + ".lesions.csv";
        Map<Integer, Lesion> rows = r.outputs().contains(table) ? lesionTable(out.resolve(table),
                new ArrayList<>(labels.keySet())) : Map.of();
        return new CaseOutputs(ct, labels, lesions, saliency, rows);
    }

    private static Map<Integer, Lesion> lesionTable(Path csv, List<String> segmenters) throws LoupeException {
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String> header = List.of(lines.get(0).split(",", -1));
            Map<Integer, Lesion> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                Map<String, Integer> located = new LinkedHashMap<>();
                // the liver's own segmenter says only "inside the liver"; the later ones place the lesion
                for (String s : segmenters.subList(Math.min(1, segmenters.size()), segmenters.size())) {
                    located.put(s, Integer.parseInt(f[header.indexOf(s)]));
                }
                int id = Integer.parseInt(f[header.indexOf("lesion")]);
                rows.put(id, new Lesion(id, f[header.indexOf("label")], Double.parseDouble(
                        f[header.indexOf("confidence")]), Double.parseDouble(f[header.indexOf("diameter_mm")]),
                        located));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw LoupeException.badInput(csv.toString(), "is not a lesion table a run wrote: " + e.getMessage());
        }
    }
}
