package org.loupe.ui;

import java.nio.file.Path;
import org.loupe.image.ImageType;
import org.loupe.image.io.ImageFormat;

/**
 * Where File > Save Result proposes to save, and under which name: the folder of the last save in this session, else
 * the folder chosen in Preferences, else the input's folder (the user's home for a bundled sample);
 * {@code NAME.PROVIDER.EXT} in the input's format when it stores the result without loss, else PNG when it can, else
 * TIFF (which stores every type Loupe makes).
 *
 * @param folder   the folder the save dialog opens in
 * @param fileName the proposed file name
 * @param format   the format that name implies
 */
public record SaveSuggestion(Path folder, String fileName, ImageFormat format) {

    /** The suggestion for the document's current result; {@code chosen} is the Preferences' folder, or null. */
    public static SaveSuggestion of(ImageDocument document, Path chosen) {
        Path input = document.path();
        Path folder = folder(document, chosen);
        String name = input != null ? input.getFileName().toString() : document.image().metadata().name();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        ImageFormat format = format(ImageFormat.fromFileName(name).orElse(ImageFormat.TIFF), document.result().type());
        return new SaveSuggestion(folder, stem + "." + document.resultProvider().id() + "." + format.extension(),
                format);
    }

    /**
     * The folder a save dialog opens in: the last one saved to, else {@code chosen} (the Preferences' folder, may be
     * null), else the input's, else the user's home.
     */
    public static Path folder(ImageDocument document, Path chosen) {
        Path input = document.path();
        return document.lastSaveFolder() != null ? document.lastSaveFolder() : chosen != null ? chosen
                : input != null ? input.toAbsolutePath().getParent() : Path.of(System.getProperty("user.home"));
    }

    private static ImageFormat format(ImageFormat input, ImageType result) {
        // a processed result is not saved lossy by default: JPEG inputs get PNG
        ImageFormat lossless = input == ImageFormat.JPEG ? ImageFormat.PNG : input;
        if (lossless.canStore(result)) {
            return lossless;
        }
        return ImageFormat.PNG.canStore(result) ? ImageFormat.PNG : ImageFormat.TIFF;
    }
}
