package org.loupe.ui;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;
import org.loupe.api.LoupeException;
import org.loupe.image.io.ImageFiles;
import org.loupe.image.io.ImageFormat;
import org.loupe.image.io.ReadOptions;
import org.loupe.image.io.VolumeFiles;
import org.loupe.image.volume.SliceOverlay;
import org.loupe.image.volume.Volume;
import org.loupe.image.volume.VoxelGeometry;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.Pipeline;
import org.loupe.pipeline.liver.CaseOutputs;

/**
 * The CT volume open in the workbench's Volume view and what is laid over it: label maps (a liver mask, Couinaud
 * segments, lesion candidates outlined by verdict) and heat maps (saliency). Opened from a NIfTI file, a DICOM series
 * folder, or a volume pipeline's case with everything the run wrote for it; reading runs as a background job and the
 * listeners hear about it on the UI thread. One per workbench.
 */
@Creatable
@Singleton
public final class VolumeDocument extends BackgroundRun {

    /** The Volume view's part id. */
    public static final String PART_ID = "org.loupe.ui.part.volume";

    /** What is shown, replaced as a whole so that the view never sees half of an open. */
    private record Shown(Volume ct, String title, List<SliceOverlay> overlays) {
    }

    private volatile Shown shown;

    /** Created by dependency injection. */
    @Inject
    public VolumeDocument(UISynchronize sync) {
        super(sync);
    }

    /** The open volume, or null. */
    public Volume volume() {
        Shown s = shown;
        return s == null ? null : s.ct();
    }

    /** What the open volume is: its file or case name. */
    public String title() {
        Shown s = shown;
        return s == null ? "" : s.title();
    }

    /** The overlays, in drawing order. */
    public List<SliceOverlay> overlays() {
        Shown s = shown;
        return s == null ? List.of() : s.overlays();
    }

    /**
     * Opens a NIfTI file, a DICOM series folder, or (for a DICOM file) the series in its folder, without overlays;
     * the job can be joined.
     */
    public Job open(Path input) {
        return load("Opening " + input.getFileName(), () -> {
            Path source = Files.isRegularFile(input) && ImageFiles.formatOf(input) != ImageFormat.NIFTI
                    ? input.getParent() : input;
            Volume ct = VolumeFiles.read(source, ReadOptions.defaults());
            return new Shown(ct, source.getFileName().toString(), List.of());
        });
    }

    /** Opens case {@code r} of a run of {@code pipeline} written to {@code out}, with every map it wrote. */
    public Job openCase(Pipeline pipeline, ItemResult r, Path out) {
        return load("Opening case " + r.name(), () -> {
            CaseOutputs c = CaseOutputs.read(pipeline, r, out, ReadOptions.defaults());
            return new Shown(c.ct(), r.name(), c.overlays());
        });
    }

    /**
     * Lays a NIfTI map on the open volume's grid over it: labels if its values are whole, heat otherwise.
     *
     * @throws IllegalStateException if no volume is open
     */
    public Job addOverlay(Path file) {
        Shown open = shown;
        if (open == null) {
            throw new IllegalStateException("open a volume before adding an overlay");
        }
        return load("Adding " + file.getFileName(), () -> {
            Volume map = VolumeFiles.read(file, ReadOptions.defaults());
            SliceOverlay o = SliceOverlay.guess(ImageFormat.stem(file.getFileName().toString()), map);
            if (!o.fits(open.ct())) {
                throw LoupeException.badInput(file.toString(), "is " + map.width() + "x" + map.height() + "x"
                        + map.depth() + " but " + open.title() + " is " + open.ct().width() + "x"
                        + open.ct().height() + "x" + open.ct().depth() + "; an overlay must lie on its grid");
            }
            List<SliceOverlay> overlays = new ArrayList<>(open.overlays());
            overlays.removeIf(existing -> existing.name().equals(o.name()));
            overlays.add(o);
            return new Shown(open.ct(), open.title(), List.copyOf(overlays));
        });
    }

    /** Work that reads what is to be shown. */
    private interface Reading {
        Shown read() throws LoupeException;
    }

    private Job load(String name, Reading reading) {
        return schedule(name, name.toLowerCase(Locale.ROOT), monitor -> {
            try {
                Shown s = reading.read();
                shown = s;
                set(State.DONE, describe(s));
            } catch (LoupeException e) {
                set(State.FAILED, e.getMessage());
            }
        });
    }

    private static String describe(Shown s) {
        VoxelGeometry g = s.ct().geometry();
        return String.format(Locale.ROOT, "%s: %dx%dx%d voxels of %.2f x %.2f x %.2f mm%s", s.title(),
                s.ct().width(), s.ct().height(), s.ct().depth(), g.spacingX(), g.spacingY(), g.spacingZ(),
                s.overlays().isEmpty() ? "" : "; " + s.overlays().size() + " overlays");
    }
}
