package org.loupe.image.volume;

import java.util.Locale;
import java.util.Objects;
import org.loupe.image.Calibration;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PixelImage;

/**
 * A 3-D image of float samples (Hounsfield units for CT, labels for a segmentation) with its place in the patient.
 * Samples are stored in one array, slice after slice, row after row: voxel (i, j, k) is at
 * {@code (k * height + j) * width + i}. Axial and coronal slices are views that share the samples; a sagittal slice
 * is a copy, because an image's rows are contiguous and a sagittal row is not.
 *
 * <p>Not thread-safe for writing; any number of threads may read a volume nobody writes.
 */
public final class Volume {

    private final float[] data;
    private final int width;
    private final int height;
    private final int depth;
    private final VoxelGeometry geometry;
    private final ImageMetadata metadata;

    private Volume(float[] data, int width, int height, int depth, VoxelGeometry geometry, ImageMetadata metadata) {
        if (width <= 0 || height <= 0 || depth <= 0) {
            throw new IllegalArgumentException("volume size must be positive: " + width + "x" + height + "x" + depth);
        }
        if (data.length != voxels(width, height, depth)) {
            throw new IllegalArgumentException("array of " + data.length + " samples for a " + width + "x" + height
                    + "x" + depth + " volume");
        }
        this.data = data;
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * A zero-filled volume.
     *
     * @throws IllegalArgumentException if the size is not positive or too large for one array
     */
    public static Volume create(int width, int height, int depth, VoxelGeometry geometry) {
        return new Volume(new float[voxels(width, height, depth)], width, height, depth, geometry,
                ImageMetadata.EMPTY);
    }

    /** Wraps a compact array in the order described above, without copying. */
    public static Volume wrap(float[] data, int width, int height, int depth, VoxelGeometry geometry,
            ImageMetadata metadata) {
        return new Volume(data, width, height, depth, geometry, metadata);
    }

    /** The number of samples a volume of this size has, or an exception if one array cannot hold them. */
    public static int voxels(int width, int height, int depth) {
        long n = (long) width * height * depth;
        if (width <= 0 || height <= 0 || depth <= 0 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + width + "x" + height + "x" + depth
                    + " volume does not fit in one array");
        }
        return (int) n;
    }

    /** Columns (i). */
    public int width() {
        return width;
    }

    /** Rows (j). */
    public int height() {
        return height;
    }

    /** Slices (k). */
    public int depth() {
        return depth;
    }

    /** Where the voxels lie. */
    public VoxelGeometry geometry() {
        return geometry;
    }

    /** Immutable metadata of the whole volume. */
    public ImageMetadata metadata() {
        return metadata;
    }

    /** The backing array, shared with this volume and its slice views. */
    public float[] data() {
        return data;
    }

    /** The same samples with other geometry and metadata. */
    public Volume with(VoxelGeometry newGeometry, ImageMetadata newMetadata) {
        return new Volume(data, width, height, depth, newGeometry, newMetadata);
    }

    /** The sample at (i, j, k). */
    public float get(int i, int j, int k) {
        return data[(k * height + j) * width + i];
    }

    /** Stores a sample at (i, j, k). */
    public void set(int i, int j, int k, float value) {
        data[(k * height + j) * width + i] = value;
    }

    /** How many slices a plane has: depth for axial, height for coronal, width for sagittal. */
    public int slices(Plane plane) {
        return switch (plane) {
            case AXIAL -> depth;
            case CORONAL -> height;
            case SAGITTAL -> width;
        };
    }

    /**
     * One slice: axial slice {@code index} (width x height, a view), coronal row {@code index} (width x depth, a
     * view; image row r is slice k = r) or sagittal column {@code index} (height x depth, a copy; image row r is
     * slice k = r, column c is row j = c). The slice's calibration is the in-plane spacing.
     *
     * @throws IndexOutOfBoundsException if the plane has no such slice
     */
    public GrayF32 slice(Plane plane, int index) {
        Objects.checkIndex(index, slices(plane));
        ImageMetadata m = sliceMetadata(plane, index);
        return switch (plane) {
            case AXIAL -> GrayF32.wrap(data, width, height, index * width * height, width, m);
            case CORONAL -> GrayF32.wrap(data, width, depth, index * width, width * height, m);
            case SAGITTAL -> sagittal(index, m);
        };
    }

    private GrayF32 sagittal(int i, ImageMetadata m) {
        float[] out = new float[height * depth];
        for (int k = 0; k < depth; k++) {
            for (int j = 0; j < height; j++) {
                out[k * height + j] = data[(k * height + j) * width + i];
            }
        }
        return GrayF32.wrap(out, height, depth, 0, height, m);
    }

    private ImageMetadata sliceMetadata(Plane plane, int index) {
        double[] mm = plane.pixelSize(geometry);
        String base = metadata.name().isBlank() ? "volume" : metadata.name();
        return metadata.toBuilder().name(base + " " + plane.name().toLowerCase(Locale.ROOT) + " "
                + index).calibration(new Calibration(mm[0], mm[1], "mm")).build();
    }

    /** Copies an image's first band into axial slice {@code k}; the image must be width x height. */
    public void setSlice(int k, PixelImage image) {
        Objects.checkIndex(k, depth);
        if (image.width() != width || image.height() != height) {
            throw new IllegalArgumentException("a " + image.width() + "x" + image.height() + " image cannot fill a "
                    + width + "x" + height + " slice");
        }
        int base = k * width * height;
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                data[base + j * width + i] = image.getFloat(i, j, 0);
            }
        }
    }

    /** A deep copy. */
    public Volume copy() {
        return new Volume(data.clone(), width, height, depth, geometry, metadata);
    }

    @Override
    public String toString() {
        return "Volume[" + width + "x" + height + "x" + depth + " " + metadata.name() + "]";
    }
}
