package org.loupe.tensorflow.internal;

import java.util.List;
import org.loupe.api.ComputeBackend;
import org.loupe.api.ComputeDevice;
import org.loupe.api.LoupeException;
import org.loupe.tensorflow.TensorFlowRuntime;
import org.osgi.service.component.annotations.Component;

/** Publishes TensorFlow's devices to the command line and the workbench. */
@Component(service = ComputeBackend.class)
public final class TensorFlowBackend implements ComputeBackend {

    @Override
    public List<ComputeDevice> devices() throws LoupeException {
        return TensorFlowRuntime.devices();
    }

    @Override
    public String name() {
        try {
            return "TensorFlow " + TensorFlowRuntime.version();
        } catch (LoupeException e) {
            return "TensorFlow (not loadable: " + e.getMessage() + ")";
        }
    }
}
