package org.loupe.tensorflow;

import java.nio.file.Path;
import org.loupe.api.ComputeSettings;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * Opens every TensorFlow session Loupe runs, so that the device choice of {@link ComputeSettings} reaches each one:
 * with {@link ComputeSettings.Device#CPU} a session counts no GPU, and TensorFlow places every operation on the CPU.
 */
public final class Sessions {

    private Sessions() {
    }

    /** The options of a session opened now. */
    public static ConfigProto config() {
        ConfigProto.Builder options = ConfigProto.newBuilder();
        if (ComputeSettings.device() == ComputeSettings.Device.CPU) {
            options.putDeviceCount("GPU", 0);
        }
        return options.build();
    }

    /** A session running {@code graph} on the devices chosen now. */
    public static Session open(Graph graph) {
        return new Session(graph, config());
    }

    /** A SavedModel's serving graph, loaded into a session on the devices chosen now. */
    public static SavedModelBundle load(Path dir) {
        return SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
                .withConfigProto(config()).load();
    }
}
