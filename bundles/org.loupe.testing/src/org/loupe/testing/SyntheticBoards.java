package org.loupe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU8;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;

/**
 * Small data sets in DeepPCB's layout for tests of PCB plugins: drawn boards (traces and pads), each tested board a
 * copy of its template with annotated defects painted in (copper added on substrate, type 5, or removed from a
 * trace, type 1), written as JPEG with a {@code trainval.txt} list.
 */
public final class SyntheticBoards {

    private SyntheticBoards() {
    }

    /**
     * Writes {@code pairs} pairs of {@code side x side} boards under {@code root} in group "group1" and returns the
     * list file.
     */
    public static Path write(Path root, int pairs, int side, long seed) throws IOException, LoupeException {
        Random rnd = new Random(seed);
        Path images = Files.createDirectories(root.resolve("group1/1"));
        Path notes = Files.createDirectories(root.resolve("group1/1_not"));
        List<String> list = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String id = String.format("1%03d", i);
            GrayU8 template = GrayU8.create(side, side);
            int pitch = 12 + rnd.nextInt(6);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    template.set(x, y, x % pitch < 5 ? 0 : 255);
                }
            }
            GrayU8 test = template.copy();
            StringBuilder truth = new StringBuilder();
            for (int d = 0; d < 2; d++) {
                int x = 8 + rnd.nextInt(side - 32);
                int y = 8 + rnd.nextInt(side - 32);
                boolean extra = d == 0;
                int s = 6 + rnd.nextInt(4);
                for (int v = y; v < y + s; v++) {
                    for (int u = x; u < x + s; u++) {
                        test.set(u, v, extra ? 0 : 255);
                    }
                }
                truth.append(x - 4).append(' ').append(y - 4).append(' ').append(x + s + 4).append(' ')
                        .append(y + s + 4).append(' ').append(extra ? 5 : 1).append('\n');
            }
            ImageFiles.write(template, images.resolve(id + "_temp.jpg"), ImageFormat.JPEG);
            ImageFiles.write(test, images.resolve(id + "_test.jpg"), ImageFormat.JPEG);
            Files.writeString(notes.resolve(id + ".txt"), truth.toString());
            list.add("group1/1/" + id + ".jpg group1/1_not/" + id + ".txt");
        }
        Path file = root.resolve("trainval.txt");
        Files.writeString(file, String.join("\n", list) + "\n");
        return file;
    }
}
