package org.loupe.image.io.internal.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.loupe.api.LoupeException;
import org.loupe.image.ImageMetadata;
import org.loupe.image.PixelImage;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.dicom.DicomSeries;
import org.loupe.image.io.dicom.DicomSlice;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;

/**
 * Groups DICOM files into series and stacks a series into a volume: slices ordered by their position along the
 * slice normal (never by file name), spacing from the positions, geometry from the orientation.
 */
public final class DicomVolumes {

    /** How far apart slice gaps may be (relative) before a series counts as unevenly spaced. */
    private static final double GAP_TOLERANCE = 0.01;
    private static final int MAX_FOLDER_DEPTH = 4;

    private DicomVolumes() {
    }

    /**
     * The series among files and folders (searched to a depth of four): files that are not DICOM or hold no pixels
     * are passed over.
     *
     * @throws LoupeException INPUT if a folder cannot be listed or no series is found
     */
    public static List<DicomSeries> scan(List<Path> inputs, ReadOptions options) throws LoupeException {
        Map<String, List<DicomReader.DicomHeader>> groups = new LinkedHashMap<>();
        for (Path file : files(inputs)) {
            DicomReader.DicomHeader h;
            try {
                h = DicomReader.header(file, options);
            } catch (LoupeException e) {
                // a folder may hold other files (a DICOMDIR's notes, a README); one that says it is DICOM and cannot
                // be read is a damaged slice, and stacking the rest would hide it behind a gap
                if (marked(file)) {
                    throw e;
                }
                continue;
            }
            if (h.hasPixels()) {
                String key = h.seriesUid() == null || h.seriesUid().isEmpty() ? "file:" + file : h.seriesUid();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
            }
        }
        if (groups.isEmpty()) {
            throw LoupeException.badInput(inputs.size() == 1 ? inputs.get(0).toString() : inputs.size() + " inputs",
                    "holds no DICOM image");
        }
        List<DicomSeries> out = new ArrayList<>();
        for (List<DicomReader.DicomHeader> g : groups.values()) {
            DicomReader.DicomHeader first = g.get(0);
            out.add(new DicomSeries(orEmpty(first.seriesUid()), orEmpty(first.description()),
                    orEmpty(first.modality()), g.stream().map(DicomReader.DicomHeader::file).sorted().toList()));
        }
        return out;
    }

    /** Whether a file carries DICOM's 'DICM' marker at byte 128. */
    private static boolean marked(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> files(List<Path> inputs) throws LoupeException {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in, MAX_FOLDER_DEPTH)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw LoupeException.badInput(in.toString(), "cannot be listed (" + e.getMessage() + ")", e);
                }
            } else {
                out.add(in);
            }
        }
        return out;
    }

    /**
     * Reads and stacks a series. One multi-frame file becomes a volume of its frames.
     *
     * @throws LoupeException INPUT for slices of different sizes or orientations, two slices at one position,
     *                        uneven spacing, or colour images
     */
    public static Volume read(DicomSeries series, ReadOptions options) throws LoupeException {
        List<DicomSlice> slices = new ArrayList<>();
        for (Path f : series.files()) {
            slices.add(DicomReader.read(f, options));
        }
        String subject = series.files().size() == 1 ? series.files().get(0).toString() : "series " + series.uid();
        for (DicomSlice s : slices) {
            if (s.image().bands() != 1) {
                throw LoupeException.badInput(s.file().toString(), "is a colour image, not a slice of a volume");
            }
        }
        if (slices.size() == 1) {
            return stack(slices.get(0).frames(), slices.get(0), geometry(slices.get(0), null, spacingOrOne(
                    slices.get(0).sliceThickness())), series);
        }
        DicomSlice first = slices.get(0);
        for (DicomSlice s : slices) {
            if (s.frames().size() != 1) {
                throw LoupeException.badInput(s.file().toString(), "is a multi-frame file inside a series of "
                        + slices.size() + " files");
            }
            if (s.image().width() != first.image().width() || s.image().height() != first.image().height()) {
                throw LoupeException.badInput(subject, "mixes slice sizes (" + dims(first) + " in "
                        + first.file().getFileName() + ", " + dims(s) + " in " + s.file().getFileName() + ")");
            }
        }
        boolean placed = slices.stream().allMatch(s -> s.position() != null && s.orientation() != null);
        if (!placed) {
            slices.sort(Comparator.comparingInt(DicomSlice::instanceNumber));
            return stack(slices.stream().map(DicomSlice::image).toList(), first, geometry(first, null,
                    spacingOrOne(first.sliceThickness())), series);
        }
        double[] normal = normal(first.orientation());
        if (normal == null) {
            throw LoupeException.badInput(first.file().toString(), "has a degenerate Image Orientation (Patient) "
                    + Arrays.toString(first.orientation()));
        }
        for (DicomSlice s : slices) {
            if (!sameOrientation(s.orientation(), first.orientation())) {
                throw LoupeException.badInput(subject, "mixes slice orientations (" + s.file().getFileName() + ")");
            }
        }
        slices.sort(Comparator.comparingDouble(s -> dot(s.position(), normal)));
        double[] gaps = new double[slices.size() - 1];
        for (int i = 1; i < slices.size(); i++) {
            gaps[i - 1] = dot(slices.get(i).position(), normal) - dot(slices.get(i - 1).position(), normal);
            if (gaps[i - 1] < 1e-3) {
                throw LoupeException.badInput(subject, "has two slices at one position ("
                        + slices.get(i - 1).file().getFileName() + ", " + slices.get(i).file().getFileName() + ")");
            }
        }
        double min = Arrays.stream(gaps).min().orElseThrow();
        double max = Arrays.stream(gaps).max().orElseThrow();
        if (max - min > GAP_TOLERANCE * max) {
            throw LoupeException.badInput(subject, String.format(Locale.ROOT, "is unevenly spaced (slice gaps from "
                    + "%.3f to %.3f mm: missing slices?)", min, max));
        }
        double spacing = Arrays.stream(gaps).average().orElseThrow();
        DicomSlice bottom = slices.get(0);
        return stack(slices.stream().map(DicomSlice::image).toList(), bottom, geometry(bottom, normal, spacing),
                series);
    }

    private static Volume stack(List<PixelImage> images, DicomSlice ref, VoxelGeometry g, DicomSeries series) {
        PixelImage img = images.get(0);
        Volume v = Volume.create(img.width(), img.height(), images.size(), g);
        for (int k = 0; k < images.size(); k++) {
            v.setSlice(k, images.get(k));
        }
        ImageMetadata.Builder m = img.metadata().toBuilder().name(series.description().isEmpty()
                ? ref.file().getFileName().toString() : series.description())
                .source(ref.file().getParent() == null ? ref.file().toString() : ref.file().getParent().toString());
        if (!series.uid().isEmpty()) {
            m.property("dicom.seriesUid", series.uid());
        }
        return v.with(g, m.build());
    }

    private static VoxelGeometry geometry(DicomSlice s, double[] normal, double spacingZ) {
        double sx = s.columnSpacing() > 0 ? s.columnSpacing() : 1;
        double sy = s.rowSpacing() > 0 ? s.rowSpacing() : 1;
        double[] o = s.orientation() == null ? new double[] {1, 0, 0, 0, 1, 0} : s.orientation();
        double[] w = normal != null ? normal : normal(o);
        if (w == null) {
            w = new double[] {0, 0, 1};
        }
        double[] direction = {o[0], o[1], o[2], o[3], o[4], o[5], w[0], w[1], w[2]};
        return new VoxelGeometry(sx, sy, spacingZ, s.position() == null ? new double[3] : s.position(), direction);
    }

    private static double spacingOrOne(double thickness) {
        return thickness > 0 ? thickness : 1;
    }

    /** The unit slice normal (row cosines cross column cosines), or null for a degenerate orientation. */
    private static double[] normal(double[] o) {
        double[] n = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
        double len = Math.sqrt(dot(n, n));
        if (!(len > 1e-6)) {
            return null;
        }
        return new double[] {n[0] / len, n[1] / len, n[2] / len};
    }

    private static boolean sameOrientation(double[] a, double[] b) {
        for (int i = 0; i < 6; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static String dims(DicomSlice s) {
        return s.image().width() + "x" + s.image().height();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
