package org.loupe.pipeline.liver;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.data.ct.Tumour;

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
     * The case folders of a phantom set: its subfolders that hold a {@code case.json}, sorted.
     *
     * @throws LoupeException INPUT for a folder without cases or one that cannot be listed
     */
    public static List<Path> caseFolders(Path dataset) throws LoupeException {
        try (Stream<Path> s = Files.list(dataset)) {
            List<Path> dirs = s.filter(d -> Files.isRegularFile(d.resolve("case.json"))).sorted().toList();
            if (dirs.isEmpty()) {
                throw LoupeException.badInput(dataset.toString(), "holds no case folder with case.json (make one "
                        + "with 'loupe data ct-liver')");
            }
            return dirs;
        } catch (IOException e) {
            throw LoupeException.badInput(dataset.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** The class a lesion classifier should give a lesion of this kind: metastases are tumours. */
    public static String classOf(Tumour t) {
        return t.kind().equals("cyst") ? "cyst" : "tumour";
    }
}
