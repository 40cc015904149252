package org.loupe.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSnapshotTest {

    private static final String INFO = "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info";

    @TempDir
    Path root;

    @Test
    void restoreRemovesWhatAFailedChangeLeftAndPutsTheStartListBack() throws Exception {
        Files.createDirectories(root.resolve("plugins"));
        Files.createDirectories(root.resolve("features"));
        Files.writeString(root.resolve("plugins/a_1.0.0.jar"), "a");
        Files.createDirectories(root.resolve(INFO).getParent());
        Files.writeString(root.resolve(INFO), "#version=1\na,1.0.0,plugins/a_1.0.0.jar,4,false\n");
        FolderSnapshot before = FolderSnapshot.take(root);

        Files.writeString(root.resolve("plugins/b_1.0.0.jar"), "b");
        Files.createDirectories(root.resolve("features/b.feature_1.0.0"));
        Files.writeString(root.resolve("features/b.feature_1.0.0/feature.xml"), "<feature/>");
        Files.writeString(root.resolve(INFO), "#version=1\na,1.0.0,plugins/a_1.0.0.jar,4,false\n"
                + "b,1.0.0,plugins/b_1.0.0.jar,4,false\n");
        assertEquals(List.of("b,1.0.0,plugins/b_1.0.0.jar,4,false"), FolderSnapshot.take(root).bundlesNotIn(before));

        before.restore();
        assertFalse(Files.exists(root.resolve("plugins/b_1.0.0.jar")));
        assertFalse(Files.exists(root.resolve("features/b.feature_1.0.0")));
        assertEquals("a", Files.readString(root.resolve("plugins/a_1.0.0.jar")));
        assertEquals("#version=1\na,1.0.0,plugins/a_1.0.0.jar,4,false\n", Files.readString(root.resolve(INFO)));
    }
}
