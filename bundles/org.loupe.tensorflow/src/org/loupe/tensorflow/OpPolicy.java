package org.loupe.tensorflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.loupe.api.LoupeException;
import org.loupe.tensorflow.internal.CheckpointRule;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * Which TensorFlow operations a model file may contain. A model is untrusted input: TensorFlow runs a SavedModel's
 * restore and initialisation operations while loading it, so a file could read, write or list files, or call out to
 * Python, the moment it is opened. Loupe therefore reads the graph and its function library from
 * {@code saved_model.pb} before loading anything and refuses any operation outside an allow-list of arithmetic,
 * neural-network, shape and variable operations. The checkpoint operations every SavedModel has ({@code SaveV2},
 * {@code RestoreV2}, {@code MergeV2Checkpoints}) pass only where {@link CheckpointRule} finds them in the loader's
 * saver, reading and writing the file the loader names; anywhere else they are refused like any other file access.
 */
public final class OpPolicy {

    /** Operations a model may contain. */
    static final Set<String> ALLOWED = Set.of(
            // graph plumbing and variables
            "Const", "Placeholder", "PlaceholderWithDefault", "Identity", "IdentityN", "NoOp", "StopGradient",
            "VariableV2", "Variable", "VarHandleOp", "ReadVariableOp", "AssignVariableOp", "Assign",
            "VarIsInitializedOp", "PartitionedCall", "StatefulPartitionedCall",
            // the saver subgraph of every SavedModel: allowed only where CheckpointRule finds them
            "RestoreV2", "SaveV2", "MergeV2Checkpoints", "ShardedFilename", "StringJoin",
            // neural-network layers
            "Conv2D", "Conv2DBackpropInput", "DepthwiseConv2dNative", "BiasAdd", "Relu", "Relu6", "LeakyRelu",
            "Elu", "Selu", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "MaxPool", "MaxPoolV2", "AvgPool",
            "FusedBatchNormV3", "DepthToSpace", "SpaceToDepth", "SpaceToBatchND", "BatchToSpaceND", "ResizeBilinear", "ResizeBicubic",
            "ResizeNearestNeighbor", "MatMul", "BatchMatMulV2", "L2Loss",
            // arithmetic
            "Add", "AddV2", "AddN", "Sub", "Mul", "RealDiv", "Div", "DivNoNan", "FloorDiv", "FloorMod", "Maximum",
            "Minimum", "Square", "SquaredDifference", "Sqrt", "Rsqrt", "Abs", "Neg", "Sign", "Exp", "Log", "Log1p",
            "Pow", "Round", "Floor", "Ceil", "ClipByValue", "Mean", "Sum", "Max", "Min", "Prod", "ArgMax", "ArgMin",
            "Select", "SelectV2", "Greater", "GreaterEqual", "Less", "LessEqual", "Equal", "NotEqual", "LogicalAnd",
            "LogicalOr", "LogicalNot", "Cast",
            // complex numbers and Fourier transforms (frequency-domain layers)
            "Complex", "Real", "Imag", "ComplexAbs", "Conj", "FFT2D", "IFFT2D",
            // shapes
            "Reshape", "Transpose", "ConcatV2", "Pack", "Unpack", "Slice", "StridedSlice", "Pad", "PadV2",
            "MirrorPad", "Shape", "ShapeN", "Size", "Rank", "Fill", "ZerosLike", "OnesLike", "ExpandDims", "Squeeze",
            "Tile", "GatherV2", "Range", "Split", "SplitV",
            // gradients of the layers above, carried by models that explain their decisions (input gradients):
            // arithmetic on tensors like the rest
            "ReluGrad", "MaxPoolGrad", "MaxPoolGradV2", "AvgPoolGrad", "FusedBatchNormGradV3", "Conv2DBackpropFilter",
            "BiasAddGrad", "BroadcastGradientArgs", "ConcatOffset", "DynamicStitch", "Mod");

    private OpPolicy() {
    }

    /**
     * Refuses a SavedModel folder whose graph or functions contain an operation outside the allow-list.
     *
     * @return the operation types the model holds (read once, for callers that need more of them)
     * @throws LoupeException INPUT naming the folder and the refused operations, or if saved_model.pb is missing or
     *                        not a SavedModel
     */
    public static Set<String> check(Path modelDir) throws LoupeException {
        SavedModel model = parse(modelDir);
        Set<String> ops = operations(model);
        Set<String> refused = new TreeSet<>(ops);
        refused.removeAll(ALLOWED);
        if (!refused.isEmpty()) {
            throw LoupeException.badInput(modelDir.toString(), "contains operations Loupe does not run: "
                    + String.join(", ", refused) + " (a model may not touch files, run code or have other side "
                    + "effects); refusing to load it");
        }
        for (MetaGraphDef meta : model.getMetaGraphsList()) {
            Optional<String> why = CheckpointRule.violation(meta);
            if (why.isPresent()) {
                throw LoupeException.badInput(modelDir.toString(), "checkpoint operation outside the loader's "
                        + "saver: " + why.get() + " (a model may not choose files to read or write); refusing to "
                        + "load it");
            }
        }
        return ops;
    }

    /** Every operation type in the SavedModel's graphs and function library, read without loading anything. */
    public static Set<String> operations(Path modelDir) throws LoupeException {
        return operations(parse(modelDir));
    }

    /** Whether a model with these operations holds variables: weights the loader restores from {@code variables/}. */
    public static boolean hasVariables(Set<String> ops) {
        return ops.contains("VariableV2") || ops.contains("VarHandleOp") || ops.contains("Variable");
    }

    private static SavedModel parse(Path modelDir) throws LoupeException {
        Path pb = modelDir.resolve("saved_model.pb");
        try (InputStream in = Files.newInputStream(pb)) {
            return SavedModel.parseFrom(in);
        } catch (NoSuchFileException e) {
            throw LoupeException.badInput(modelDir.toString(), "holds no saved_model.pb (not a SavedModel folder)");
        } catch (IOException e) {
            throw LoupeException.badInput(pb.toString(), "is not a SavedModel (" + e.getMessage() + ")", e);
        }
    }

    private static Set<String> operations(SavedModel model) {
        Set<String> ops = new TreeSet<>();
        for (MetaGraphDef meta : model.getMetaGraphsList()) {
            GraphDef graph = meta.getGraphDef();
            for (NodeDef node : graph.getNodeList()) {
                ops.add(node.getOp());
            }
            for (FunctionDef f : graph.getLibrary().getFunctionList()) {
                for (NodeDef node : f.getNodeDefList()) {
                    ops.add(node.getOp());
                }
            }
        }
        return ops;
    }
}
