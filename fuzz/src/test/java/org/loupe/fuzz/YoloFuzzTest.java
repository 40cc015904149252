package org.loupe.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.loupe.api.LoupeException;
import org.loupe.data.detection.YoloFiles;

/** A YOLO folder (classes.txt, one image, its label file) whose two text files are fuzzed. */
class YoloFuzzTest {

    @FuzzTest(maxDuration = "2h")
    void anyClassesAndLabelsReadOrFailAsInput(FuzzedDataProvider in) throws Exception {
        Path dir = FuzzFiles.folder("yolo");
        if (!Files.exists(dir.resolve("images/board.png"))) {
            try (InputStream png = YoloFuzzTest.class.getResourceAsStream("board.png")) {
                FuzzFiles.write("yolo/images/board.png", png.readAllBytes());
            }
        }
        write(dir.resolve(YoloFiles.CLASSES), in.consumeString(200));
        write(dir.resolve("labels/board.txt"), in.consumeRemainingAsString());
        Outcome.expect(() -> YoloFiles.read(dir), LoupeException.Reason.INPUT);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
