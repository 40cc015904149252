package org.loupe.data.deeppcb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.image.GrayU8;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;

/** Loupe's DeepPCB split and the patches cut from pairs, on a small folder in DeepPCB layout. */
class DeepPcbPatchesTest {

    @TempDir
    Path root;

    /** Writes pair {@code id} of group "group7" with the given annotation lines and returns its list line. */
    private String pair(String id, int width, String... defects) throws Exception {
        Path dir = Files.createDirectories(root.resolve("group7/7"));
        Path not = Files.createDirectories(root.resolve("group7/7_not"));
        GrayU8 board = GrayU8.create(256, 256);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                board.set(x, y, (x / 8) % 3 == 0 ? 0 : 255);
            }
        }
        ImageFiles.write(board, dir.resolve(id + "_test.jpg"), ImageFormat.JPEG);
        GrayU8 template = width == 256 ? board : GrayU8.create(width, 256);
        ImageFiles.write(template, dir.resolve(id + "_temp.jpg"), ImageFormat.JPEG);
        Files.writeString(not.resolve(id + ".txt"), String.join("\n", defects) + "\n");
        return "group7/7/" + id + ".jpg group7/7_not/" + id + ".txt";
    }

    @Test
    void everyTenthPairIsTestAndEveryFifthOfTenIsValidation() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(i);
        }
        assertEquals(List.of(4, 14, 24), DeepPcbSplit.part(all, DeepPcbSplit.Part.VALIDATION));
        assertEquals(List.of(9, 19, 29), DeepPcbSplit.part(all, DeepPcbSplit.Part.TEST));
        assertEquals(24, DeepPcbSplit.part(all, DeepPcbSplit.Part.TRAINING).size());
        assertEquals("test.txt", DeepPcbSplit.Part.TEST.listName());
    }

    @Test
    void cutsOneDefectivePatchPerDefectAndAsManyCleanOnes() throws Exception {
        Files.writeString(root.resolve("list.txt"), pair("0001", 256, "40 40 70 60 1", "150 150 180 190 3",
                "0 90 100 120 2") + "\n");
        List<DeepPcbPatches.Patch> patches = DeepPcbPatches.cut(DeepPcbDataset.read(root, root.resolve("list.txt")),
                64);
        // the 100 px wide defect does not fit a 64 px patch
        assertEquals(2, patches.stream().filter(DeepPcbPatches.Patch::defective).count());
        assertEquals(4, patches.size());
        for (DeepPcbPatches.Patch p : patches) {
            assertEquals(64, p.test().width());
            assertEquals(64, p.reference().height());
            assertEquals("group7", p.type());
        }
        assertEquals(patches.stream().map(DeepPcbPatches.Patch::source).toList(), DeepPcbPatches.cut(
                DeepPcbDataset.read(root, root.resolve("list.txt")), 64).stream().map(DeepPcbPatches.Patch::source)
                .toList(), "the same list gives the same patches");
    }

    @Test
    void refusesATemplateOfAnotherSizeNamingIt() throws Exception {
        Files.writeString(root.resolve("list.txt"), pair("0002", 200, "40 40 70 60 1") + "\n");
        LoupeException e = assertThrows(LoupeException.class, () -> DeepPcbPatches.cut(DeepPcbDataset.read(root,
                root.resolve("list.txt")), 64));
        assertTrue(e.getMessage().contains("0002_temp.jpg") && e.getMessage().contains("200x256"), e.getMessage());
    }

    @Test
    void refusesAnAnnotationLineThatDoesNotParseNamingFileAndLine() throws Exception {
        Files.writeString(root.resolve("list.txt"), pair("0003", 256, "40 40 70 60 1", "40 40 seventy 60 1")
                + "\n");
        LoupeException e = assertThrows(LoupeException.class, () -> DeepPcbPatches.cut(DeepPcbDataset.read(root,
                root.resolve("list.txt")), 64));
        assertTrue(e.getMessage().contains("0003.txt:2"), e.getMessage());
    }
}
