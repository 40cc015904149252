package org.loupe.tensorflow;

import java.util.List;
import org.loupe.image.ImageMetadata;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.PixelType;
import org.loupe.image.PlanarF32;
import org.loupe.image.RgbU8;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * Images to and from float tensors in NHWC layout (batch, height, width, channels). Samples are divided by a scale
 * on the way in (255 maps 8-bit images to 0..1) and multiplied by it on the way out. Each conversion copies the pixels
 * once, row by row, straight into or out of the tensor's native memory.
 */
public final class ImageTensors {

    private ImageTensors() {
    }

    /** One image as a batch of one. */
    public static TFloat32 toTensor(PixelImage image, double scale) {
        return toTensor(List.of(image), scale);
    }

    /**
     * A batch of images of one size and band count.
     *
     * @throws IllegalArgumentException if the images differ in size or bands
     */
    public static TFloat32 toTensor(List<? extends PixelImage> batch, double scale) {
        PixelImage first = batch.get(0);
        int w = first.width();
        int h = first.height();
        int c = first.bands();
        for (PixelImage img : batch) {
            if (img.width() != w || img.height() != h || img.bands() != c) {
                throw new IllegalArgumentException("a batch needs images of one size and band count");
            }
        }
        TFloat32 t = TFloat32.tensorOf(Shape.of(batch.size(), h, w, c));
        FloatDataBuffer data = t.asRawTensor().data().asFloats();
        float[] row = new float[w * c];
        float inv = (float) (1 / scale);
        for (int n = 0; n < batch.size(); n++) {
            PixelImage img = batch.get(n);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int b = 0; b < c; b++) {
                        row[x * c + b] = img.getFloat(x, y, b) * inv;
                    }
                }
                data.slice(((long) n * h + y) * w * c, (long) w * c).write(row);
            }
        }
        return t;
    }

    /** Every value of a float tensor in row-major order, copied out (the tensor may be closed afterwards). */
    public static float[] values(TFloat32 tensor) {
        float[] v = new float[Math.toIntExact(tensor.shape().size())];
        tensor.asRawTensor().data().asFloats().read(v);
        return v;
    }

    /**
     * Image {@code index} of a batch. One channel gives a grey image, three an RGB image when the type is 8-bit,
     * other counts a planar float image; integer types are rounded and saturated.
     */
    public static PixelImage toImage(TFloat32 tensor, int index, PixelType type, double scale,
            ImageMetadata metadata) {
        Shape s = tensor.shape();
        int h = (int) s.get(1);
        int w = (int) s.get(2);
        int c = (int) s.get(3);
        PixelImage out;
        if (c == 1) {
            out = PixelImage.create(type == PixelType.UINT8 ? ImageType.GRAY_U8
                    : type == PixelType.UINT16 ? ImageType.GRAY_U16 : ImageType.GRAY_F32, w, h);
        } else if (c == 3 && type == PixelType.UINT8) {
            out = RgbU8.create(w, h);
        } else {
            out = PlanarF32.create(w, h, c);
        }
        FloatDataBuffer data = tensor.asRawTensor().data().asFloats();
        float[] row = new float[w * c];
        for (int y = 0; y < h; y++) {
            data.slice(((long) index * h + y) * w * c, (long) w * c).read(row);
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < c; b++) {
                    out.setFloat(x, y, b, (float) (row[x * c + b] * scale));
                }
            }
        }
        return out.withMetadata(metadata);
    }
}
