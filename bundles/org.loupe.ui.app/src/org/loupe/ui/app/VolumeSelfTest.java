package org.loupe.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.loupe.image.RgbU8;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.SliceRenderer;
import org.loupe.pipeline.ItemResult;
import org.loupe.pipeline.liver.CaseOutputs;
import org.loupe.ui.BackgroundRun;
import org.loupe.ui.PipelineRun;
import org.loupe.ui.VolumeDocument;
import org.loupe.ui.parts.VolumePart;

/**
 * The self-test's volume phase: runs a volume pipeline (the liver chain) through the workbench's pipeline run, opens
 * its first case in the Volume view as a double-click in the Results does, scrolls through the axial slices, jumps to
 * the first listed lesion where it is largest, and captures it with the overlays ({@code volume-axial.png}),
 * without them ({@code volume-plain.png}), in the liver window, and in the coronal and sagittal planes. It checks
 * that the overlays change the picture and that the read-out at the lesion names its HU and verdict. Then it opens
 * the case's DICOM series from one of its files and adds the truth liver map, as File > Open Volume and Add Overlay
 * do.
 */
final class VolumeSelfTest {

    private final Path pipeline;
    private final Path input;
    private final Path out;
    private final Path screenshots;

    private VolumeSelfTest(Path pipeline, Path input, Path out, Path screenshots) {
        this.pipeline = pipeline;
        this.input = input;
        this.out = out;
        this.screenshots = screenshots;
    }

    static Optional<VolumeSelfTest> fromSystemProperties() {
        String[] p = new String[4];
        String[] keys = {"pipeline", "input", "out", "screenshots"};
        for (int i = 0; i < keys.length; i++) {
            p[i] = System.getProperty("loupe.selftest.volume." + keys[i]);
            if (p[i] == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new VolumeSelfTest(Path.of(p[0]), Path.of(p[1]), Path.of(p[2]), Path.of(p[3])));
    }

    void run(IEclipseContext context, InspectionSelfTest.Settle settle, Consumer<Path> capture) throws Exception {
        PipelineRun run = ContextInjectionFactory.make(PipelineRun.class, context);
        SelfTest.join(run.start(pipeline, input, out));
        if (run.state() != BackgroundRun.State.DONE || run.results().isEmpty() || !run.results().get(0).ok()) {
            throw new IllegalStateException("the volume pipeline ended " + run.state() + ": " + run.message());
        }
        ItemResult first = run.results().get(0);
        VolumeDocument document = ContextInjectionFactory.make(VolumeDocument.class, context);
        Display display = Display.getDefault();
        VolumePart[] view = new VolumePart[1];
        MApplication app = context.get(MApplication.class);
        display.syncExec(() -> {
            MPart part = app.getChildren().get(0).getContext().get(EPartService.class).showPart(
                    VolumeDocument.PART_ID, EPartService.PartState.ACTIVATE);
            view[0] = (VolumePart) part.getObject();
        });
        SelfTest.join(document.openCase(run.pipeline(), first, run.outDir()));
        if (document.state() != BackgroundRun.State.DONE) {
            throw new IllegalStateException("the case did not open: " + document.message());
        }
        VolumePart part = view[0];
        int slices = document.volume().slices(Plane.AXIAL);
        int[] found = {-1};
        int[] scrolled = {0};
        String[] readout = {""};
        display.syncExec(() -> {
            part.setPlane(Plane.AXIAL);
            // scroll through every slice as a user drags the slider, counting those that label a lesion
            for (int k = 0; k < slices; k++) {
                part.setSlice(k);
                scrolled[0] += part.captions().isEmpty() ? 0 : 1;
            }
            if (!part.lesions().isEmpty()) {
                int label = part.lesions().firstKey();
                part.showLesion(label);
                found[0] = part.slice();
                SliceRenderer.Caption c = part.captions().stream().filter(x -> x.label() == label).findFirst()
                        .orElseThrow();
                readout[0] = part.describe((int) Math.round(c.x()), (int) Math.round(c.y()));
            }
        });
        if (found[0] < 0 || scrolled[0] == 0) {
            throw new IllegalStateException("no axial slice of " + first.name() + " shows a labelled lesion");
        }
        settle.await();
        capture.accept(screenshots.resolve("volume-axial.png"));
        RgbU8[] withAndWithout = new RgbU8[2];
        display.syncExec(() -> {
            withAndWithout[0] = part.shown();
            part.setOpacity(0);
            withAndWithout[1] = part.shown();
        });
        settle.await();
        capture.accept(screenshots.resolve("volume-plain.png"));
        int changed = changedPixels(withAndWithout[0], withAndWithout[1]);
        if (changed == 0) {
            throw new IllegalStateException("the overlays did not change the slice");
        }
        display.syncExec(() -> {
            part.setOpacity(0.6);
            part.setWindow("liver");
        });
        settle.await();
        capture.accept(screenshots.resolve("volume-liver-window.png"));
        for (Plane p : List.of(Plane.CORONAL, Plane.SAGITTAL)) {
            display.syncExec(() -> part.setPlane(p));
            settle.await();
            capture.accept(screenshots.resolve("volume-" + p.name().toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        String seen = " slices=" + slices + " lesionSlices=" + scrolled[0] + " lesionSlice=" + found[0] + " listed="
                + part.lesions().size() + " overlays=" + document.overlays().size() + " changed=" + changed
                + " lesions=" + document.overlays().stream().filter(o -> o.name().equals(CaseOutputs.LESIONS)).count()
                + " readout=" + readout[0];
        int[] opened = openAsTheMenusDo(document, part, display);
        System.out.println("LOUPE-SELFTEST VOLUME OK opened=" + opened[0] + "x" + opened[1] + seen);
    }

    /**
     * File > Open Volume on one slice file of the case's DICOM series (the whole series opens), then File > Add
     * Overlay with its truth liver map; returns the depth opened and the overlays after adding.
     */
    private int[] openAsTheMenusDo(VolumeDocument document, VolumePart part, Display display) throws Exception {
        Path slice;
        try (var files = java.nio.file.Files.list(input.resolve("case-001/ct"))) {
            slice = files.sorted().findFirst().orElseThrow();
        }
        SelfTest.join(document.open(slice));
        if (document.state() != BackgroundRun.State.DONE || !document.overlays().isEmpty()) {
            throw new IllegalStateException("the DICOM series did not open alone: " + document.message());
        }
        int depth = document.volume().depth();
        SelfTest.join(document.addOverlay(input.resolve("case-001/liver.nii.gz")));
        if (document.state() != BackgroundRun.State.DONE) {
            throw new IllegalStateException("the overlay was refused: " + document.message());
        }
        int[] changed = new int[1];
        display.syncExec(() -> {
            part.setOpacity(0);
            RgbU8 plain = part.shown();
            part.setOpacity(0.6);
            changed[0] = changedPixels(plain, part.shown());
        });
        if (changed[0] == 0) {
            throw new IllegalStateException("the added overlay is not drawn");
        }
        return new int[] {depth, document.overlays().size()};
    }

    private static int changedPixels(RgbU8 a, RgbU8 b) {
        int n = 0;
        for (int p = 0; p < a.data().length; p += 3) {
            n += a.data()[p] != b.data()[p] || a.data()[p + 1] != b.data()[p + 1] || a.data()[p + 2] != b.data()[p + 2]
                    ? 1 : 0;
        }
        return n;
    }
}
