package org.loupe.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loupe.api.LoupeException;
import org.tensorflow.op.Ops;

/** A model file is untrusted input: side-effecting operations are refused before TensorFlow loads anything. */
class OpPolicyTest {

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("WriteFile", (Consumer<Ops>) tf -> tf.io.writeFile(tf.constant("/tmp/loupe-pwned"),
                        tf.constant("x"))),
                Arguments.of("ReadFile", (Consumer<Ops>) tf -> tf.io.readFile(tf.constant("/etc/passwd"))),
                Arguments.of("MatchingFiles", (Consumer<Ops>) tf -> tf.io.matchingFiles(tf.constant("/home/*"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void aModelWithAFileSystemOperationIsRefusedWithAClearError(String op, Consumer<Ops> extra, @TempDir Path dir)
            throws Exception {
        Path model = TestModels.export(dir.resolve("m"), 1, 0, 0, extra);
        assertTrue(OpPolicy.operations(model).contains(op), "the exported graph holds " + op);
        LoupeException e = assertThrows(LoupeException.class, () -> ModelHandle.load(model));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("contains operations Loupe does not run: " + op), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aPlainConvolutionModelUsesOnlyAllowedOperations(@TempDir Path dir) throws Exception {
        Path model = TestModels.export(dir.resolve("m"));
        assertTrue(OpPolicy.ALLOWED.containsAll(OpPolicy.operations(model)), OpPolicy.operations(model).toString());
        assertTrue(OpPolicy.operations(model).contains("Conv2D"));
        OpPolicy.check(model);
    }

    @Test
    void aFolderThatIsNotASavedModelIsBadInput(@TempDir Path dir) throws Exception {
        LoupeException none = assertThrows(LoupeException.class, () -> OpPolicy.check(dir));
        assertTrue(none.getMessage().contains("holds no saved_model.pb"), none.getMessage());
        Files.write(dir.resolve("saved_model.pb"), new byte[] {(byte) 0xff, 0x13, 0x07, 0x42});
        LoupeException corrupt = assertThrows(LoupeException.class, () -> OpPolicy.check(dir));
        assertEquals(LoupeException.Reason.INPUT, corrupt.reason());
        assertTrue(corrupt.getMessage().contains("is not a SavedModel"), corrupt.getMessage());
    }
}
