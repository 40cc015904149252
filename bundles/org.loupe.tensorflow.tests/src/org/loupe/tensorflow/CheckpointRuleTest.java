package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageType;
import org.loupe.image.PixelType;
import org.loupe.testing.SyntheticImages;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/**
 * The checkpoint operations every SavedModel has may only read the weights the loader names: models edited to save,
 * restore or merge checkpoints anywhere else are refused before TensorFlow runs any of their graph.
 */
class CheckpointRuleTest {

    private static final String H = "evil";

    /** Hostile edits of a genuine model; each reads or writes {@code path} when TensorFlow runs it. */
    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("SaveV2 at inference", (Edit) (g, path) -> {
                    g.addNode(HostileModels.string(H + "_path", path.toString()));
                    HostileModels.save(g, H, H + "_path", HostileModels.INPUT);
                    HostileModels.runWith(g, HostileModels.OUTPUT, H);
                }),
                Arguments.of("SaveV2 at load", (Edit) (g, path) -> {
                    g.addNode(HostileModels.string(H + "_path", path.toString()));
                    g.addNode(HostileModels.string(H + "_x", "x"));
                    HostileModels.save(g, H, H + "_path", H + "_x");
                    // the saved tensor is a string here, so the dtypes attribute must say so
                    fixSavedType(g, H);
                    HostileModels.runWith(g, HostileModels.RESTORE_ALL, H);
                }),
                Arguments.of("SaveV2 at load into the loader's own file", (Edit) (g, path) -> {
                    g.addNode(HostileModels.string(H + "_x", "x"));
                    HostileModels.save(g, H, HostileModels.FILENAME, H + "_x");
                    fixSavedType(g, H);
                    HostileModels.runWith(g, HostileModels.RESTORE_ALL, H);
                }),
                Arguments.of("RestoreV2 from a constant path", (Edit) (g, path) -> {
                    g.addNode(HostileModels.string(H + "_path", path.toString()));
                    HostileModels.restore(g, H, H + "_path");
                    HostileModels.runWith(g, HostileModels.OUTPUT, H);
                }),
                Arguments.of("RestoreV2 of the loader's file at inference", (Edit) (g, path) -> {
                    HostileModels.restore(g, H, HostileModels.FILENAME);
                    HostileModels.runWith(g, HostileModels.OUTPUT, H);
                }),
                Arguments.of("MergeV2Checkpoints", (Edit) (g, path) -> {
                    g.addNode(HostileModels.strings(H + "_from", path + ".src"));
                    g.addNode(HostileModels.string(H + "_to", path.toString()));
                    g.addNode(NodeDef.newBuilder().setName(H).setOp("MergeV2Checkpoints").addInput(H + "_from")
                            .addInput(H + "_to").build());
                    HostileModels.runWith(g, HostileModels.OUTPUT, H);
                }),
                Arguments.of("the restore reading a computed path", (Edit) (g, path) -> {
                    g.addNode(HostileModels.string(H + "_path", path.toString()));
                    g.addNode(NodeDef.newBuilder().setName(H).setOp("Identity").addInput(H + "_path")
                            .putAttr("T", AttrValue.newBuilder()
                                    .setType(DataType.DT_STRING).build()).build());
                    HostileModels.rewire(g, "save/Restore", 0, H);
                }),
                Arguments.of("an unused SaveV2 with a constant path", (Edit) (g, path) -> {
                    g.addNode(HostileModels.string(H + "_path", path.toString()));
                    HostileModels.save(g, H, H + "_path", HostileModels.INPUT);
                }));
    }

    @FunctionalInterface
    interface Edit {
        void apply(GraphDef.Builder graph, Path path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aModelWhoseCheckpointOperationsLeaveTheLoadersSaverIsRefusedAndTouchesNothing(String what, Edit edit,
            @TempDir Path dir) throws Exception {
        Path written = dir.resolve("stolen");
        Path model = HostileModels.export(dir.resolve("m"), g -> edit.apply(g, written));
        LoupeException e = assertThrows(LoupeException.class, () -> {
            try (ModelHandle m = ModelHandle.load(model)) {
                m.apply(SyntheticImages.scene(ImageType.GRAY_F32, 16, 16, 1), PixelType.FLOAT32);
            }
        });
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("checkpoint operation outside the loader's saver"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing but the model folder was written");
        }
    }

    @Test
    void theSaveAttacksAreRealWhenThePolicyIsBypassed(@TempDir Path dir) throws Exception {
        Path atLoad = dir.resolve("at-load");
        Path atInference = dir.resolve("at-inference");
        Path model = HostileModels.export(dir.resolve("m"), g -> {
            g.addNode(HostileModels.string(H + "_path", atInference.toString()));
            HostileModels.save(g, H, H + "_path", HostileModels.INPUT);
            HostileModels.runWith(g, HostileModels.OUTPUT, H);
            g.addNode(HostileModels.string("load_path", atLoad.toString()));
            HostileModels.save(g, "load", "load_path", "load_path");
            fixSavedType(g, "load");
            HostileModels.runWith(g, HostileModels.RESTORE_ALL, "load");
        });
        TensorFlowRuntime.version();
        try (SavedModelBundle raw = SavedModelBundle.load(model.toString(), SavedModelBundle.DEFAULT_TAG)) {
            assertTrue(Files.exists(dir.resolve("at-load.index")), "TensorFlow wrote a file while loading");
            try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, 8, 8, 1));
                 Result r = raw.session().runner().feed(HostileModels.INPUT, in).fetch(HostileModels.OUTPUT)
                         .run()) {
                assertEquals(1, r.size());
            }
        }
        assertTrue(Files.exists(dir.resolve("at-inference.index")), "TensorFlow wrote the input where told");
    }

    @Test
    void theLoadersOwnSaverPasses(@TempDir Path dir) throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        assertTrue(OpPolicy.operations(model).containsAll(Set.of("SaveV2", "RestoreV2")));
        OpPolicy.check(model);
        try (ModelHandle m = ModelHandle.load(model)) {
            assertEquals(16, m.apply(SyntheticImages.scene(ImageType.GRAY_F32, 16, 16, 1), PixelType.FLOAT32)
                    .width());
        }
    }

    private static void fixSavedType(GraphDef.Builder g, String save) {
        for (NodeDef.Builder n : g.getNodeBuilderList()) {
            if (n.getName().equals(save)) {
                n.putAttr("dtypes", AttrValue.newBuilder().setList(
                        AttrValue.ListValue.newBuilder()
                                .addType(DataType.DT_STRING)).build());
            }
        }
    }
}
