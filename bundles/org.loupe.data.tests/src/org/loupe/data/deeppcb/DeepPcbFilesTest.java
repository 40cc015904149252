package org.loupe.data.deeppcb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loupe.api.LoupeException;

/** Annotations, predictions and list files that would distort a score are refused, naming file and line. */
class DeepPcbFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "-5 10 40 50 1; has a negative coordinate",
        "10 -1 40 50 2; has a negative coordinate",
        "10 10 10 50 3; is empty",
        "10 10 40 10 4; is empty"})
    void anAnnotatedBoxThatIsNegativeOrEmptyIsRefused(String line, String says) throws Exception {
        Path file = Files.writeString(dir.resolve("00041000.txt"), "1 1 30 30 1\n" + line + "\n");
        LoupeException e = assertThrows(LoupeException.class, () -> DeepPcbFiles.readTruth(file));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().startsWith(file + ":2: box "), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void aPredictedBoxThatIsNegativeOrEmptyIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("a.txt"), "10,10,10,20,0.9,1\n");
        assertTrue(assertThrows(LoupeException.class, () -> DeepPcbFiles.readPredictions(empty)).getMessage()
                .contains("is empty"));
        Path negative = Files.writeString(dir.resolve("b.txt"), "-3,10,12,20,0.9,1\n");
        assertTrue(assertThrows(LoupeException.class, () -> DeepPcbFiles.readPredictions(negative)).getMessage()
                .contains("negative coordinate"));
    }

    @Test
    void aPairListedTwiceIsRefusedRatherThanCountedTwice() throws Exception {
        Path list = Files.writeString(dir.resolve("test.txt"), "group1/1/100.jpg group1/1_not/100.txt\n"
                + "group1/1/101.jpg group1/1_not/101.txt\n" + "group1/1/100.jpg group1/1_not/100.txt\n");
        LoupeException e = assertThrows(LoupeException.class, () -> DeepPcbDataset.read(dir, list));
        assertEquals(list + ":3: lists the pair group1/1/100.jpg again (first on line 1)", e.getMessage());
    }
}
