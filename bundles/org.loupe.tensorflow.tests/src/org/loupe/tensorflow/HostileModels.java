package org.loupe.tensorflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.loupe.api.LoupeException;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Genuine exported models with checkpoint operations grafted into their graphs, the way an attacker would edit a
 * model file: the exported {@code saved_model.pb} is parsed, nodes are added or rewired, and the file is written back.
 */
final class HostileModels {

    /** Names in the graph {@link TestModels#export(Path)} writes. */
    static final String INPUT = "image";
    static final String OUTPUT = "result";
    static final String RESTORE_ALL = "save/restore_all";
    static final String FILENAME = "save/filename";

    private HostileModels() {
    }

    /** A plain test model whose graph {@code edit} then changes. */
    static Path export(Path dir, Consumer<GraphDef.Builder> edit) throws LoupeException, IOException {
        TestModels.export(dir);
        Path pb = dir.resolve("saved_model.pb");
        SavedModel.Builder model = SavedModel.parseFrom(Files.readAllBytes(pb)).toBuilder();
        MetaGraphDef.Builder meta = model.getMetaGraphsBuilder(0);
        edit.accept(meta.getGraphDefBuilder());
        Files.write(pb, model.build().toByteArray());
        return dir;
    }

    /** A scalar string constant, e.g. a file path. */
    static NodeDef string(String name, String value) {
        return NodeDef.newBuilder().setName(name).setOp("Const")
                .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_STRING).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder()
                        .setDtype(DataType.DT_STRING).setTensorShape(TensorShapeProto.getDefaultInstance())
                        .addStringVal(com.google.protobuf.ByteString.copyFromUtf8(value))).build()).build();
    }

    /** A one-element string vector constant (tensor names, slice specs, checkpoint lists). */
    static NodeDef strings(String name, String value) {
        return NodeDef.newBuilder().setName(name).setOp("Const")
                .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_STRING).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder()
                        .setDtype(DataType.DT_STRING).setTensorShape(TensorShapeProto.newBuilder()
                                .addDim(TensorShapeProto.Dim.newBuilder().setSize(1)))
                        .addStringVal(com.google.protobuf.ByteString.copyFromUtf8(value))).build()).build();
    }

    /** {@code SaveV2(prefix, ["x"], [""], tensor)}: writes {@code tensor} as a checkpoint at {@code prefix}. */
    static void save(GraphDef.Builder g, String name, String prefix, String tensor) {
        g.addNode(strings(name + "_names", "x"));
        g.addNode(strings(name + "_slices", ""));
        g.addNode(NodeDef.newBuilder().setName(name).setOp("SaveV2").addInput(prefix).addInput(name + "_names")
                .addInput(name + "_slices").addInput(tensor).putAttr("dtypes", floats()).build());
    }

    /** {@code RestoreV2(prefix, ["x"], [""])}: reads a float tensor from the checkpoint at {@code prefix}. */
    static void restore(GraphDef.Builder g, String name, String prefix) {
        g.addNode(strings(name + "_names", "x"));
        g.addNode(strings(name + "_slices", ""));
        g.addNode(NodeDef.newBuilder().setName(name).setOp("RestoreV2").addInput(prefix).addInput(name + "_names")
                .addInput(name + "_slices").putAttr("dtypes", floats()).build());
    }

    /** Makes {@code node} run whenever {@code target} runs. */
    static void runWith(GraphDef.Builder g, String target, String node) {
        for (NodeDef.Builder n : g.getNodeBuilderList()) {
            if (n.getName().equals(target)) {
                n.addInput("^" + node);
                return;
            }
        }
        throw new IllegalArgumentException("no node " + target);
    }

    /** Replaces input {@code index} of {@code target}. */
    static void rewire(GraphDef.Builder g, String target, int index, String input) {
        for (NodeDef.Builder n : g.getNodeBuilderList()) {
            if (n.getName().equals(target)) {
                n.setInput(index, input);
                return;
            }
        }
        throw new IllegalArgumentException("no node " + target);
    }

    private static AttrValue floats() {
        return AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addType(DataType.DT_FLOAT)).build();
    }
}
