package org.loupe.detect.yolo.internal;

import java.util.List;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.detect.learned.PyramidBackbone;
import org.loupe.image.PixelImage;
import org.loupe.tensorflow.ImageTensors;
import org.loupe.tensorflow.ModelHandle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A trained one-stage model and its class names (kept in the sidecar's training record), run on whole images: the
 * image as grey values in [0, 1], padded with zeros to a multiple of {@value PyramidBackbone#ALIGN} pixels.
 */
final class YoloModel {

    private final ModelHandle handle;
    private final List<String> classes;

    private YoloModel(ModelHandle handle, List<String> classes) {
        this.handle = handle;
        this.classes = classes;
    }

    /** The model of a handle whose sidecar names its classes. */
    static YoloModel of(ModelHandle handle) throws LoupeException {
        if (!"grid".equals(handle.sidecar().output())) {
            throw LoupeException.badInput(handle.folder().toString(), "is not a detect.yolo model (it is a '"
                    + handle.sidecar().id() + "' model)");
        }
        Object names = handle.sidecar().training() == null ? null : handle.sidecar().training().get("classes");
        if (!(names instanceof List<?> list) || list.isEmpty()) {
            throw LoupeException.badInput(handle.folder().toString(), "is not a detect.yolo model (its sidecar's "
                    + "training record names no classes)");
        }
        return new YoloModel(handle, list.stream().map(String::valueOf).toList());
    }

    List<String> classes() {
        return classes;
    }

    ModelHandle handle() {
        return handle;
    }

    /** The detections of one image, at least {@code minScore}, overlapping ones of a class suppressed. */
    List<Detection> detect(PixelImage image, double minScore, double nmsIou) throws LoupeException {
        PyramidBackbone.Padded in = PyramidBackbone.pad(image);
        int pw = in.width();
        int ph = in.height();
        float[] out;
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(1, ph, pw, 1), DataBuffers.of(in.grey(), true, false))) {
            out = handle.run(t, ImageTensors::values);
        }
        return GridDecoder.decode(out, pw / GridNetwork.STRIDE, ph / GridNetwork.STRIDE, classes, image.width(),
                image.height(), minScore, nmsIou);
    }
}
