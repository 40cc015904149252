package org.loupe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loupe.api.ComputeSettings;

/** LOUPE_DEVICE and LOUPE_TILE set the compute choices of a command, and a wrong value names its variable. */
class ComputeEnvironmentTest {

    @AfterEach
    void restore() {
        ComputeSettings.setDevice(ComputeSettings.Device.AUTO);
        ComputeSettings.setMaxTile(0);
    }

    @Test
    void theVariablesSetTheChoicesAndAbsentOnesLeaveThemAlone() {
        ComputeEnvironment.apply(Map.of("LOUPE_DEVICE", "cpu", "LOUPE_TILE", "384"));
        assertEquals("the CPU only; tiles of at most 384 pixels", ComputeSettings.describe());
        ComputeEnvironment.apply(Map.of("LOUPE_TILE", "0"));
        assertEquals("the CPU only; each model's own tile size", ComputeSettings.describe());
    }

    @Test
    void aWrongValueNamesItsVariable() {
        assertEquals("environment variable LOUPE_DEVICE: device 'gpu': give auto or cpu", assertThrows(
                IllegalArgumentException.class, () -> ComputeEnvironment.apply(Map.of("LOUPE_DEVICE", "gpu")))
                .getMessage());
        assertEquals("environment variable LOUPE_TILE: tile 'big': give a side in pixels, or 0 for each model's own",
                assertThrows(IllegalArgumentException.class, () -> ComputeEnvironment.apply(Map.of("LOUPE_DEVICE",
                        "cpu", "LOUPE_TILE", "big"))).getMessage());
    }
}
