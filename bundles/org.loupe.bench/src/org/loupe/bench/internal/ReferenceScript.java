package org.loupe.bench.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of the bundled Python reference scripts ({@code bench/*.py}, using Debian's OpenCV and scikit-image) and
 * reads the JSON object it prints.
 */
public final class ReferenceScript {

    private ReferenceScript() {
    }

    /**
     * Copies the script into {@code dir} and runs it with the arguments.
     *
     * @throws IOException with a one-line reason when the script cannot run or prints nothing usable
     */
    public static JsonObject run(String python, String script, Path dir, List<String> args) throws IOException,
            InterruptedException {
        Path file = dir.resolve(script);
        try (InputStream in = ReferenceScript.class.getResourceAsStream("/bench/" + script)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(python, file.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || out.isBlank()) {
            throw new IOException(script + " exited " + p.exitValue() + " (needs " + python
                    + " with python3-opencv and python3-skimage)");
        }
        try {
            return JsonParser.parseString(out).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(script + " printed no JSON object", e);
        }
    }
}
