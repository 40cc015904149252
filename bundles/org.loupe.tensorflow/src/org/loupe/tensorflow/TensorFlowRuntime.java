package org.loupe.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.loupe.api.ComputeDevice;
import org.loupe.api.LoupeException;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * The TensorFlow native library as Loupe uses it: its version and the devices it can run on. Which library is loaded
 * (CPU only, or the GPU build that needs CUDA 12 and cuDNN 9) is decided by the native fragment installed with the
 * product; see the README.
 */
public final class TensorFlowRuntime {

    private static List<ComputeDevice> devices;

    private TensorFlowRuntime() {
    }

    /**
     * The TensorFlow version, e.g. "2.18.0"; loads the native library on first use. Call it before building a graph
     * or opening a session: it refuses, with a one-line PROVIDER error, to let TensorFlow run in a process where it
     * would crash (see {@link #requireNoForeignLlvm()}).
     */
    public static String version() throws LoupeException {
        requireNoForeignLlvm();
        try {
            return TensorFlow.version();
        } catch (LinkageError | RuntimeException e) {
            throw LoupeException.provider("tensorflow", "could not load its native library (" + e + ")", e);
        }
    }

    /**
     * TensorFlow's native library contains LLVM with default symbol visibility. When the process has also loaded the
     * system's libLLVM (Mesa's OpenGL drivers do, e.g. when GTK opens an OpenGL context), TensorFlow's calls bind to
     * the foreign copy and the process dies in native code; refusing is better than crashing.
     */
    static void requireNoForeignLlvm() throws LoupeException {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return;
        }
        try (Stream<String> lines = Files.lines(maps)) {
            Optional<String> llvm = lines.filter(l -> l.contains("/libLLVM")).map(l -> l.substring(l.indexOf('/')))
                    .findFirst();
            if (llvm.isPresent()) {
                throw LoupeException.provider("tensorflow", "cannot run in this process: " + llvm.get()
                        + " (the system's LLVM, loaded by an OpenGL driver) collides with the LLVM inside TensorFlow; "
                        + "start with GDK_GL=disable, as ./loupe workbench does", null);
            }
        } catch (IOException | UncheckedIOException e) {
            // unreadable maps: nothing to check against
        }
    }

    /**
     * The devices TensorFlow sees (always a CPU; GPUs when the GPU build, a driver and CUDA are present), listed once
     * and remembered.
     */
    public static synchronized List<ComputeDevice> devices() throws LoupeException {
        if (devices == null) {
            version();
            devices = List.copyOf(listDevices());
        }
        return devices;
    }

    /** Whether any GPU is visible to TensorFlow. */
    public static boolean gpuVisible() throws LoupeException {
        return devices().stream().anyMatch(d -> d.type().equals("GPU"));
    }

    private static List<ComputeDevice> listDevices() throws LoupeException {
        TF_Status status = TF_NewStatus();
        TF_Graph graph = TF_NewGraph();
        TF_SessionOptions options = TF_NewSessionOptions();
        TF_Session session = null;
        TF_DeviceList list = null;
        try {
            session = TF_NewSession(graph, options, status);
            check(status);
            list = TF_SessionListDevices(session, status);
            check(status);
            List<ComputeDevice> out = new ArrayList<>();
            for (int i = 0; i < TF_DeviceListCount(list); i++) {
                String name = TF_DeviceListName(list, i, status).getString();
                String type = TF_DeviceListType(list, i, status).getString();
                long memory = TF_DeviceListMemoryBytes(list, i, status);
                check(status);
                String what = type.equals("GPU") ? String.format("CUDA device, %.1f GiB", memory / 1073741824.0)
                        : "host processor";
                out.add(new ComputeDevice(name, type, what, Math.max(0, memory)));
            }
            return out;
        } finally {
            if (list != null) {
                TF_DeleteDeviceList(list);
            }
            if (session != null) {
                TF_DeleteSession(session, status);
            }
            TF_DeleteSessionOptions(options);
            TF_DeleteGraph(graph);
            TF_DeleteStatus(status);
        }
    }

    private static void check(TF_Status status) throws LoupeException {
        if (TF_GetCode(status) != 0) {
            throw LoupeException.provider("tensorflow", "could not list devices (" + TF_Message(status).getString()
                    + ")", null);
        }
    }
}
