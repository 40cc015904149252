package org.loupe.pipeline.liver;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.data.ct.Tumour;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;

/** The lesions a case folder's {@code case.json} lists (as {@code loupe data ct-liver} writes it), by id. */
public final class CaseTruth {

    private CaseTruth() {
    }

    /**
     * The listed lesions by id.
     *
     * @throws LoupeException INPUT for a missing or malformed file, naming the field
     */
    public static Map<Integer, Tumour> lesions(Path caseJson) throws LoupeException {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(caseJson)).getAsJsonObject();
            Map<Integer, Tumour> out = new LinkedHashMap<>();
            for (JsonElement e : o.getAsJsonArray("tumours")) {
                JsonObject t = e.getAsJsonObject();
                Tumour tumour = new Tumour(t.get("id").getAsInt(), t.get("kind").getAsString(), t.get("x").getAsDouble(),
                        t.get("y").getAsDouble(), t.get("z").getAsDouble(), t.get("diameterMm").getAsDouble(),
                        t.get("segment").getAsInt());
                out.put(tumour.id(), tumour);
            }
            return out;
        } catch (IOException e) {
            throw LoupeException.badInput(caseJson.toString(), "cannot be read (" + e.getMessage() + ")", e);
        } catch (JsonSyntaxException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw LoupeException.badInput(caseJson.toString(), "is not a case description with a 'tumours' list of "
                    + "id, kind, x, y, z, diameterMm and segment (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The truth the lesion stage is scored by: the lesions a case lists, and the one each candidate covers.
     *
     * @param listed  the lesions by id
     * @param covered in candidate order, the id of the lesion each candidate covers ({@link LesionCandidates#truth}),
     *                0 for a candidate that is no lesion
     */
    public record Covered(Map<Integer, Tumour> listed, int[] covered) {

        /** The truth of a phantom case folder: its {@code case.json} and {@code tumours.nii.gz}. */
        public static Covered inCase(Path dir, LesionCandidates.Found found, ReadOptions read) throws LoupeException {
            return of(dir.resolve("case.json"), dir.resolve("tumours.nii.gz"), found, read);
        }

        /**
         * The truth from a case description and its lesion-id map.
         *
         * @throws LoupeException INPUT for a file that is missing or malformed
         */
        public static Covered of(Path caseJson, Path lesionMap, LesionCandidates.Found found, ReadOptions read)
                throws LoupeException {
            Map<Integer, Tumour> listed = lesions(caseJson);
            return new Covered(listed, LesionCandidates.truth(found, VolumeFiles.read(lesionMap, read)));
        }

        /** The lesion candidate {@code id} (1-based) covers, or null. */
        public Tumour of(int id) {
            return listed.get(covered[id - 1]);
        }
    }

    /** The class a lesion classifier should give a lesion of this kind: metastases are tumours. */
    public static String classOf(Tumour t) {
        return t.kind().equals("cyst") ? "cyst" : "tumour";
    }
}
