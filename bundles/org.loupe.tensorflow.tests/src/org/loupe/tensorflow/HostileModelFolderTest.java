package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;

/**
 * Model folders made to do harm are refused in one line naming the folder before TensorFlow reads them: a link to
 * a file outside, more bytes than the declared limit, a graph file that is not a protobuf, a sidecar that disagrees
 * with the graph about the input. A folder the user reached through a link of their own still loads.
 */
class HostileModelFolderTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearLimit() {
        System.clearProperty("loupe.model.maxMegabytes");
    }

    private static LoupeException refused(Path model) {
        LoupeException e = assertThrows(LoupeException.class, () -> ModelHandle.load(model));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().startsWith(model.toString()), e.getMessage());
        return e;
    }

    @Test
    void aSymbolicLinkInsideTheFolderIsRefused() throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        Path outside = Files.writeString(dir.resolve("secret.txt"), "not the model's");
        Path index = model.resolve("variables/variables.index");
        Files.move(index, dir.resolve("index.elsewhere"));
        Files.createSymbolicLink(index, dir.resolve("index.elsewhere"));
        assertTrue(refused(model).getMessage().contains("variables/variables.index, which is a symbolic link"));
        Files.delete(index);
        Files.move(dir.resolve("index.elsewhere"), index);
        Files.createSymbolicLink(model.resolve("notes.txt"), outside);
        assertTrue(refused(model).getMessage().contains("notes.txt, which is a symbolic link"));
    }

    @Test
    void aFolderReachedThroughTheUsersOwnLinkLoads() throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        Path link = Files.createSymbolicLink(dir.resolve("current-model"), model);
        try (ModelHandle m = ModelHandle.load(link)) {
            assertEquals("test.conv", m.sidecar().id());
        }
    }

    @Test
    void aFolderOverTheSizeLimitIsRefusedUnlessTheLimitIsRaised() throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        try (RandomAccessFile f = new RandomAccessFile(model.resolve("assets.bin").toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024); // sparse: no disk used, but three megabytes to whoever reads it
        }
        System.setProperty("loupe.model.maxMegabytes", "2");
        assertTrue(refused(model).getMessage().contains("over the model size limit"));
        System.setProperty("loupe.model.maxMegabytes", "4");
        try (ModelHandle m = ModelHandle.load(model)) {
            assertEquals("test.conv", m.sidecar().id());
        }
    }

    @Test
    void aGraphFileThatIsNotAProtobufIsRefused() throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        Files.writeString(model.resolve("saved_model.pb"), "<html>this is a download error page</html>");
        assertTrue(refused(model).getMessage().contains("is not a SavedModel"), "the message names the file");
    }

    @Test
    void aSidecarThatDisagreesWithTheGraphAboutTheInputIsRefused() throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        Path sidecar = model.resolve(ModelSidecar.FILE_NAME);
        Files.writeString(sidecar, Files.readString(sidecar).replaceAll("\"channels\": 1", "\"channels\": 3"));
        assertTrue(refused(model).getMessage().contains("takes 1 channel(s), and loupe-model.json says 3"));
    }
}
