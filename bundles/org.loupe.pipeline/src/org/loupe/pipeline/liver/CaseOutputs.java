package org.loupe.pipeline.liver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.SliceOverlay;
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
            located.forEach((provider, segment) -> s.append(", ").append(placeCaption(provider, segment)));
            return s.toString();
        }
    }

    /** The name {@link #overlays()} gives the lesion candidates. */
    public static final String LESIONS = "lesions";
    /** The name {@link #overlays()} gives the saliency volume. */
    public static final String SALIENCY = "saliency (Grad-CAM)";

    /** A lesion's outline colour by verdict: tumours red, cysts cyan; candidates called normal are not drawn. */
    public static int[] verdictColour(String label) {
        return switch (label) {
            case "tumour" -> new int[] {255, 60, 60};
            case "cyst" -> new int[] {60, 220, 255};
            default -> null;
        };
    }

    /** "segment 7" for a Couinaud map, else the provider and the label. */
    static String placeCaption(String provider, int label) {
        return provider.contains("couinaud") ? "segment " + label : provider + " " + label;
    }

    /**
     * What a viewer lays over the CT, in drawing order: each segmenter's labels under its provider's name, the
     * lesions ({@link #LESIONS}) outlined by verdict, and the saliency ({@link #SALIENCY}).
     */
    public List<SliceOverlay> overlays() {
        List<SliceOverlay> out = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, Volume> e : labels.entrySet()) {
            // the first segmenter is the liver's, which the lesion stage searches
            IntFunction<String> caption = first ? label -> "liver" : label -> placeCaption(e.getKey(), label);
            out.add(SliceOverlay.labels(e.getKey(), e.getValue(), SliceOverlay::palette, caption));
            first = false;
        }
        if (lesions != null) {
            out.add(SliceOverlay.labels(LESIONS, lesions, id -> {
                Lesion row = rows.get(id);
                return row == null ? null : verdictColour(row.label());
            }, id -> rows.containsKey(id) ? id + ": " + rows.get(id).caption() : "candidate " + id));
        }
        if (saliency != null) {
            out.add(SliceOverlay.heat(SALIENCY, saliency));
        }
        return out;
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
