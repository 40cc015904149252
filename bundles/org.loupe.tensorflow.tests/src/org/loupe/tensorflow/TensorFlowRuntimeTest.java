package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loupe.api.ComputeBackend;
import org.loupe.api.ComputeDevice;
import org.loupe.testing.OsgiServices;

class TensorFlowRuntimeTest {

    @Test
    void theNativeLibraryLoadsInOsgiAndListsTheCpu() throws Exception {
        assertTrue(TensorFlowRuntime.version().startsWith("2."), TensorFlowRuntime.version());
        List<ComputeDevice> devices = TensorFlowRuntime.devices();
        assertTrue(devices.stream().anyMatch(d -> d.type().equals("CPU")), devices.toString());
        assertEquals(devices.stream().anyMatch(d -> d.type().equals("GPU")), TensorFlowRuntime.gpuVisible());
    }

    @Test
    void theBackendIsADeclarativeService() throws Exception {
        ComputeBackend backend = OsgiServices.await(ComputeBackend.class);
        assertEquals("TensorFlow " + TensorFlowRuntime.version(), backend.name());
        assertEquals(TensorFlowRuntime.devices(), backend.devices());
    }
}
