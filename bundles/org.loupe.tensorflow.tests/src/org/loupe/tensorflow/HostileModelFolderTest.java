package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;
import org.loupe.tensorflow.train.Init;
import org.loupe.tensorflow.train.ModelDefinition;
import org.loupe.tensorflow.train.ModelExport;

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

    @Test
    void theExportRecordsTheOutputShapeAndASidecarThatDisagreesWithTheGraphIsRefused() throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        assertEquals(List.of(-1L, -1L, -1L, 1L), ModelSidecar.read(model).outputShape());
        Files.writeString(model.resolve(ModelSidecar.FILE_NAME), ModelSidecar.read(model)
                .withOutputShape(List.of(-1L, -1L, -1L, 3L)).toJson());
        assertTrue(refused(model).getMessage().contains("has shape [-1, -1, -1, 1], and loupe-model.json says "
                + "[-1, -1, -1, 3]"), "names both shapes");
    }

    @Test
    void aGraphAndWeightsSwappedForAnotherModelsAreRefusedByTheSidecarsOutputShape() throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        ModelDefinition twoChannels = (net, x, training) -> net.conv("c1", x, 1, 2, 3, 1, true, Init.he());
        Path other = dir.resolve("other");
        ModelExport.write(other, twoChannels, twoChannels.initialWeights(1, 3), ModelSidecar.read(model));
        for (String f : new String[] {"saved_model.pb", "variables/variables.index",
                "variables/variables.data-00000-of-00001"}) {
            Files.copy(other.resolve(f), model.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(refused(model).getMessage().contains("the graph is not the one this folder was exported with"));
    }
}
