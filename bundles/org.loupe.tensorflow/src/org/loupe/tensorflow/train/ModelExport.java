package org.loupe.tensorflow.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.tensorflow.Sessions;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained model as a SavedModel plus its {@link ModelSidecar}. The network is rebuilt from its
 * {@link ModelDefinition} into a clean graph holding the trained weights, so the file contains the inference path
 * only (the training graph's gradients and optimizer would be dead weight, and outside {@code OpPolicy}'s allow-list).
 * Writing is atomic: everything goes into a temporary folder beside the target, which then replaces the target, so a
 * reader never sees half a model.
 */
public final class ModelExport {

    private ModelExport() {
    }

    /**
     * @param weights every variable's trained value by name ({@link Network#values})
     * @param sidecar names the signature's input (an NHWC image of {@code channels} channels) and output
     * @throws LoupeException INPUT if the folder cannot be written
     */
    public static void write(Path target, ModelDefinition definition, Map<String, float[]> weights,
            ModelSidecar sidecar) throws LoupeException {
        TensorFlowRuntime.version();
        Path dir = target.toAbsolutePath();
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".part");
        try {
            deleteTree(tmp);
            Files.createDirectories(dir.getParent());
            List<Long> shape = export(tmp, definition, weights, sidecar);
            Files.writeString(tmp.resolve(ModelSidecar.FILE_NAME), sidecar.withOutputShape(shape).toJson(),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            discard(tmp);
            throw LoupeException.badInput(dir.toString(), "cannot write the model (" + e.getMessage() + ")", e);
        }
        install(tmp, dir);
    }

    /**
     * Puts a folder prepared beside {@code target} in its place in two renames, so that a reader finds the old
     * model or the new one, never a mix: how models made of several parts (a two-stage detector's) are written.
     *
     * @throws LoupeException INPUT if the folders cannot be moved; the prepared folder is deleted
     */
    public static void install(Path prepared, Path target) throws LoupeException {
        Path dir = target.toAbsolutePath();
        Path old = dir.resolveSibling("." + dir.getFileName() + ".old");
        try {
            deleteTree(old);
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(prepared, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException | RuntimeException e) {
            throw LoupeException.badInput(dir.toString(), "cannot write the model (" + e.getMessage() + ")", e);
        } finally {
            discard(prepared);
        }
    }

    /** Deletes a prepared folder that will not be installed. */
    public static void discard(Path prepared) {
        try {
            deleteTree(prepared);
        } catch (IOException e) {
            // a leftover temporary folder is harmless and replaced by the next export
        }
    }

    /** Writes the SavedModel and returns its output's shape. */
    private static List<Long> export(Path dir, ModelDefinition definition, Map<String, float[]> weights,
            ModelSidecar sidecar) throws IOException {
        try (Graph graph = new Graph(); Session session = Sessions.open(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> in = tf.withName(sidecar.input()).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, sidecar.channels())));
            Operand<TFloat32> out = tf.withName(sidecar.output()).identity(definition.build(Network.withValues(tf,
                    weights), in, false));
            session.initialize();
            Signature signature = Signature.builder().key(Signature.DEFAULT_KEY).input(sidecar.input(), in)
                    .output(sidecar.output(), out).build();
            SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature, session))
                    .export();
            Shape shape = out.shape();
            if (shape.isUnknown()) {
                return null;
            }
            List<Long> dims = new ArrayList<>();
            for (long d : shape.asArray()) {
                dims.add(d);
            }
            return dims;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
