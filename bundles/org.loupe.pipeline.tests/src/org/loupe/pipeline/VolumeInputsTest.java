package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;

class VolumeInputsTest {

    @TempDir
    Path dir;

    private void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    @Test
    void aMatchWithAFolderTakesEachCaseFoldersVolumeAndNamesItByTheCase() throws Exception {
        touch(dir.resolve("case-001/ct/1.dcm"));
        touch(dir.resolve("case-002/ct/1.dcm"));
        touch(dir.resolve("notes/readme.txt"));
        touch(dir.resolve("ct-liver.json"));
        List<Item> items = Inputs.expand(List.of(dir.toString()), new NameRule("{name}/ct"), true);
        assertEquals(List.of(new Item(dir.resolve("case-001/ct"), "case-001"), new Item(dir.resolve("case-002/ct"),
                "case-002")), items);
    }

    @Test
    void aFolderOfFilesIsOneSeriesAndAFolderOfVolumesGivesEach() throws Exception {
        touch(dir.resolve("series/1.dcm"));
        touch(dir.resolve("series/2.dcm"));
        assertEquals(List.of(new Item(dir.resolve("series"), "series")), Inputs.expand(List.of(dir.resolve("series")
                .toString()), NameRule.ANY_IMAGE, true));
        touch(dir.resolve("mixed/a.nii.gz"));
        touch(dir.resolve("mixed/b/1.dcm"));
        touch(dir.resolve("mixed/notes.txt"));
        assertEquals(List.of(new Item(dir.resolve("mixed/a.nii.gz"), "a"), new Item(dir.resolve("mixed/b"), "b")),
                Inputs.expand(List.of(dir.resolve("mixed").toString()), NameRule.ANY_IMAGE, true));
    }

    @Test
    void nothingThatFitsIsAUsageError() throws Exception {
        touch(dir.resolve("case-001/other/1.dcm"));
        LoupeException e = assertThrows(LoupeException.class, () -> Inputs.expand(List.of(dir.toString()),
                new NameRule("{name}/ct"), true));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
    }
}
