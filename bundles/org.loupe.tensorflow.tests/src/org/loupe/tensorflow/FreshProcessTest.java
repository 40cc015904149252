package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.testing.FreshJvm;
import org.loupe.testing.SyntheticImages;

/** What only a new process can show: bit-identical reloading, and the refusal to run beside a foreign LLVM. */
class FreshProcessTest {

    @Test
    void anExportedModelReloadedInAFreshProcessGivesBitIdenticalOutputs(@TempDir Path dir) throws Exception {
        Path model = TestModels.export(dir.resolve("model"), 2, 0, 0, tf -> { });
        PixelImage in = SyntheticImages.scene(ImageType.GRAY_F32, 37, 29, 5);
        ReloadMain.write(in, dir.resolve("in.bin"));
        try (ModelHandle m = ModelHandle.load(model)) {
            ReloadMain.write(m.apply(in, PixelType.FLOAT32), dir.resolve("expected.bin"));
        }
        FreshJvm.Outcome run = FreshJvm.run(ReloadMain.class, model.toString(), dir.resolve("in.bin").toString(),
                dir.resolve("actual.bin").toString());
        assertEquals(0, run.exitCode(), run.output());
        assertArrayEquals(Files.readAllBytes(dir.resolve("expected.bin")),
                Files.readAllBytes(dir.resolve("actual.bin")));
    }

    @Test
    void tensorFlowRefusesToStartBesideTheSystemsLlvmInsteadOfCrashing() throws Exception {
        Path lib;
        try (Stream<Path> s = Files.list(Path.of("/usr/lib/x86_64-linux-gnu"))) {
            lib = s.filter(p -> p.getFileName().toString().matches("libLLVM-\\d+\\.so\\.1")).findFirst().orElse(null);
        } catch (IOException e) {
            lib = null;
        }
        assumeTrue(lib != null, "no system libLLVM here (Mesa's OpenGL drivers bring it)");
        FreshJvm.Outcome run = FreshJvm.run(ForeignLlvmMain.class, lib.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("collides with the LLVM inside TensorFlow"), run.output());
    }
}
