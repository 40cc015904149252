package org.loupe.data.deeppcb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;

/**
 * A folder laid out like DeepPCB: a list file whose lines name an image pair and its annotation
 * ({@code group/ID/NNN.jpg group/ID_not/NNN.txt}), where the pair is {@code NNN_test.jpg} (the board under test) and
 * {@code NNN_temp.jpg} (the defect-free template) next to each other.
 */
public final class DeepPcbDataset {

    /**
     * One pair.
     *
     * @param id         the image's number, e.g. "00041000"
     * @param test       the board under test
     * @param template   the defect-free template
     * @param annotation the defects, one per line
     */
    public record Entry(String id, Path test, Path template, Path annotation) {
    }

    private DeepPcbDataset() {
    }

    /**
     * Reads the list file.
     *
     * @param root folder holding the groups
     * @param list list file; relative paths in it are taken from {@code root}
     * @throws LoupeException INPUT for a missing list, a malformed line (naming file and line) or an empty list
     */
    public static List<Entry> read(Path root, Path list) throws LoupeException {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LoupeException.badInput(list.toString(), Files.exists(list) ? "cannot be read (" + e.getMessage()
                    + ")" : "no such file");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 2 || !f[0].endsWith(".jpg") || !f[1].endsWith(".txt")) {
                throw LoupeException.badInput(list + ":" + (i + 1), "expected 'group/ID/NNN.jpg group/ID_not/NNN.txt',"
                        + " got '" + line + "'");
            }
            Integer first = firstLine.putIfAbsent(f[0], i + 1);
            if (first != null) {
                // counted twice, its defects would weigh double in every score
                throw LoupeException.badInput(list + ":" + (i + 1), "lists the pair " + f[0] + " again (first on "
                        + "line " + first + ")");
            }
            Path image = root.resolve(f[0]);
            String stem = image.getFileName().toString().replace(".jpg", "");
            entries.add(new Entry(stem, image.resolveSibling(stem + "_test.jpg"),
                    image.resolveSibling(stem + "_temp.jpg"), root.resolve(f[1])));
        }
        if (entries.isEmpty()) {
            throw LoupeException.badInput(list.toString(), "lists no image pairs");
        }
        return entries;
    }
}
