package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.loupe.api.LoupeException;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ReadOptions;

/**
 * Expected values computed by scikit-image, SciPy, OpenCV, PyWavelets and numpy for small test images, written by
 * {@code tools/reference/make_fixtures.py} into this bundle's {@code fixtures/} folder (which also records the
 * library versions). Tests compare Loupe against them.
 */
public final class ReferenceFixtures {

    private static JsonObject root;

    private ReferenceFixtures() {
    }

    private static synchronized JsonObject root() {
        if (root == null) {
            try (InputStream in = open("reference.json")) {
                root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = ReferenceFixtures.class.getResourceAsStream("/fixtures/" + name);
        if (in == null) {
            throw new IOException("fixture " + name + " is missing; run tools/reference/make_fixtures.py");
        }
        return in;
    }

    /** A test image by its key in {@code inputs} (e.g. "gray16", "rgb8_d", "mask_a"). */
    public static PixelImage image(String key) {
        String file = root().getAsJsonObject("inputs").get(key).getAsString();
        try (InputStream in = open(file)) {
            return ImageFiles.read(in, file, ReadOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LoupeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A number from a section, e.g. {@code number("metrics", "psnr_gray8")}. */
    public static double number(String section, String key) {
        return root().getAsJsonObject(section).get(key).getAsDouble();
    }

    /** A flattened array, by section and key, going into nested objects for further keys ("haar", "level1", "h"). */
    public static double[] array(String section, String... keys) {
        JsonElement e = root().getAsJsonObject(section);
        for (String key : keys) {
            e = e.getAsJsonObject().get(key);
            if (e == null) {
                throw new IllegalArgumentException("no fixture " + section + " " + String.join(" ", keys));
            }
        }
        return e.getAsJsonArray().asList().stream().mapToDouble(JsonElement::getAsDouble).toArray();
    }

    /**
     * Element-wise relative comparison: each value within {@code rel} times its own size, or times a thousandth of
     * the largest expected value for elements near zero (where a relative error means nothing).
     */
    public static void assertClose(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double allowed = rel * Math.max(Math.abs(expected[i]), 1e-3 * scale);
            if (!(Math.abs(actual[i] - expected[i]) <= allowed)) {
                fail(what + ": value " + i + " is " + actual[i] + ", reference " + expected[i] + " (allowed "
                        + allowed + ")");
            }
        }
    }

    /** The samples of a single-band image, row-major. */
    public static double[] samples(PixelImage band) {
        double[] v = new double[band.width() * band.height()];
        for (int y = 0; y < band.height(); y++) {
            for (int x = 0; x < band.width(); x++) {
                v[y * band.width() + x] = band.getFloat(x, y, 0);
            }
        }
        return v;
    }
}
