package org.loupe.tensorflow.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Where a SavedModel's checkpoint operations may sit. {@code SaveV2}, {@code RestoreV2} and
 * {@code MergeV2Checkpoints} read and write files, yet every SavedModel has them: the loader restores the weights by
 * running the saver's restore operation with its own file name fed into the saver's filename tensor. So they are
 * allowed only as that saver: the path each of them uses must be the filename tensor the loader feeds (or a shard name
 * derived from it with constant strings), never a constant or computed path; nothing a serving signature or an
 * initialisation collection runs may reach one; the restore operation may reach {@code RestoreV2} but no writing
 * operation; and none may hide inside a function body, where the graph form Loupe checks does not apply.
 */
public final class CheckpointRule {

    /** Operations that touch checkpoint files. */
    public static final Set<String> FILE_OPS = Set.of("SaveV2", "RestoreV2", "MergeV2Checkpoints");

    /** Pure string operations a sharded saver builds its shard names with. */
    private static final Set<String> NAME_OPS = Set.of("StringJoin", "ShardedFilename");

    private final Map<String, NodeDef> nodes = new HashMap<>();
    private final MetaGraphDef meta;
    private final String filename;

    private CheckpointRule(MetaGraphDef meta) {
        this.meta = meta;
        for (NodeDef n : meta.getGraphDef().getNodeList()) {
            nodes.put(n.getName(), n);
        }
        String tensor = meta.getSaverDef().getFilenameTensorName();
        this.filename = tensor.isEmpty() ? null : nodeName(tensor);
    }

    /** Why the meta graph's checkpoint operations break the rule, or empty if they keep it. */
    public static Optional<String> violation(MetaGraphDef meta) {
        return new CheckpointRule(meta).check();
    }

    private Optional<String> check() {
        for (FunctionDef f : meta.getGraphDef().getLibrary().getFunctionList()) {
            for (NodeDef n : f.getNodeDefList()) {
                if (FILE_OPS.contains(n.getOp())) {
                    return Optional.of(describe(n) + " sits in function '" + f.getSignature().getName()
                            + "' (Loupe accepts checkpoint operations only in the graph's own saver)");
                }
            }
        }
        Set<String> serving = ancestors(servingRoots());
        Set<String> restoring = ancestors(List.of(nodeName(meta.getSaverDef().getRestoreOpName())));
        for (NodeDef n : meta.getGraphDef().getNodeList()) {
            if (!FILE_OPS.contains(n.getOp())) {
                continue;
            }
            if (filename == null) {
                return Optional.of(describe(n) + " is present but the model has no saver to feed it a file name");
            }
            for (int i = 0; i < pathInputs(n); i++) {
                if (n.getInput(i).startsWith("^") || !fromFilename(nodeName(n.getInput(i)), new HashSet<>())) {
                    return Optional.of(describe(n) + " uses a path of the model's own making (constant or "
                            + "computed), not the one the loader gives");
                }
            }
            if (serving.contains(n.getName())) {
                return Optional.of(describe(n) + " runs when the model is used");
            }
            if (!n.getOp().equals("RestoreV2") && restoring.contains(n.getName())) {
                return Optional.of(describe(n) + " runs while the model is loaded");
            }
        }
        return Optional.empty();
    }

    /** Nodes TensorFlow runs for a signature or an initialisation collection. */
    private List<String> servingRoots() {
        List<String> roots = new ArrayList<>();
        for (SignatureDef sig : meta.getSignatureDefMap().values()) {
            for (TensorInfo t : sig.getOutputsMap().values()) {
                roots.add(nodeName(t.getName()));
            }
        }
        // main_op, legacy_init_op and the like are named in collections; naming more nodes only makes the rule stricter
        meta.getCollectionDefMap().values().forEach(c -> c.getNodeList().getValueList()
                .forEach(v -> roots.add(nodeName(v))));
        return roots;
    }

    /** Every node the roots depend on through data or control inputs; the fed filename tensor cuts the walk. */
    private Set<String> ancestors(List<String> roots) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            NodeDef n = nodes.get(name);
            if (n == null || !seen.add(name) || name.equals(filename)) {
                continue;
            }
            n.getInputList().forEach(in -> todo.push(nodeName(in)));
        }
        return seen;
    }

    /** Whether a path is the loader's filename tensor, or built from it and constant strings only. */
    private boolean fromFilename(String name, Set<String> visiting) {
        if (name.equals(filename)) {
            return true;
        }
        NodeDef n = nodes.get(name);
        if (n == null || !NAME_OPS.contains(n.getOp()) || !visiting.add(name)) {
            return false;
        }
        boolean derived = false;
        for (String in : n.getInputList()) {
            if (in.startsWith("^")) {
                return false;
            }
            String src = nodeName(in);
            NodeDef input = nodes.get(src);
            if (fromFilename(src, visiting)) {
                derived = true;
            } else if (input == null || !input.getOp().equals("Const")) {
                return false;
            }
        }
        return derived;
    }

    /** How many leading inputs of a checkpoint operation are paths. */
    private static int pathInputs(NodeDef n) {
        return n.getOp().equals("MergeV2Checkpoints") ? Math.min(2, n.getInputCount()) : Math.min(1,
                n.getInputCount());
    }

    private static String describe(NodeDef n) {
        return n.getOp() + " '" + n.getName() + "'";
    }

    /** The node an input or tensor name refers to: without a control mark and without an output index. */
    private static String nodeName(String ref) {
        String s = ref.startsWith("^") ? ref.substring(1) : ref;
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }
}
