package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.loupe.image.RgbU8;
import org.loupe.image.WindowLevel;
import org.loupe.image.volume.Plane;
import org.loupe.image.volume.SliceOverlay;
import org.loupe.image.volume.SliceRenderer;
import org.loupe.image.volume.Volume;
import org.loupe.pipeline.liver.CaseOutputs;
import org.loupe.ui.BackgroundRun;
import org.loupe.ui.VolumeDocument;
import org.loupe.ui.widgets.SliceCanvas;

/**
 * The Volume view: one slice of the open CT in the axial, coronal or sagittal plane, a slider (or the mouse wheel)
 * through the slices, the radiological window presets, the overlays with a check box each and one opacity, the
 * lesions labelled on the slice with their verdict and segment (and listed, to jump to each), and a read-out of
 * position, HU and labels under the pointer.
 */
public final class VolumePart {

    private static final String[] PRESETS = {"abdomen", "liver", "bone"};

    private final VolumeDocument document;
    private final Runnable refresh = this::documentChanged;
    private final Set<String> hidden = new HashSet<>();
    private Volume volume;
    private Plane plane = Plane.AXIAL;
    private final int[] index = new int[Plane.values().length];
    private WindowLevel window = WindowLevel.preset(PRESETS[0]);
    private double opacity = 0.6;
    private RgbU8 shown;
    private List<SliceRenderer.Caption> captions = List.of();
    private SortedMap<Integer, Integer> lesions = new TreeMap<>();
    private Combo planes;
    private Scale slider;
    private Label position;
    private Combo presets;
    private Scale fade;
    private Composite overlayBox;
    private SliceCanvas canvas;
    private Label readout;
    private Label status;

    /** Created by the workbench. */
    @Inject
    public VolumePart(VolumeDocument document) {
        this.document = document;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(4, 4).applyTo(parent);
        toolbar(parent);
        canvas = new SliceCanvas(parent);
        canvas.setEmptyText("File > Open Volume... (a NIfTI file or a DICOM series), or double-click a case in the "
                + "Results of a volume pipeline");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas);
        canvas.onPointer((x, y) -> readout.setText(x == null || volume == null ? "" : describe(x, y)));
        canvas.onWheel(step -> setSlice(index[plane.ordinal()] + step));
        overlayBox = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(overlayBox);
        GridDataFactory.fillDefaults().grab(false, true).hint(230, SWT.DEFAULT).applyTo(overlayBox);
        readout = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(readout);
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(status);
        document.addListener(refresh);
        documentChanged();
    }

    private void toolbar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(8).margins(4, 2).applyTo(bar);
        planes = new Combo(bar, SWT.READ_ONLY);
        for (Plane p : Plane.values()) {
            planes.add(p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.ROOT));
        }
        planes.select(0);
        planes.addListener(SWT.Selection, e -> setPlane(Plane.values()[planes.getSelectionIndex()]));
        slider = new Scale(bar, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(slider);
        slider.addListener(SWT.Selection, e -> setSlice(slider.getSelection()));
        position = new Label(bar, SWT.NONE);
        GridDataFactory.swtDefaults().hint(90, SWT.DEFAULT).applyTo(position);
        new Label(bar, SWT.NONE).setText("Window");
        presets = new Combo(bar, SWT.READ_ONLY);
        for (String p : PRESETS) {
            WindowLevel w = WindowLevel.preset(p);
            presets.add(String.format(Locale.ROOT, "%s W%.0f/L%.0f", p, w.width(), w.level()));
        }
        presets.select(0);
        presets.addListener(SWT.Selection, e -> setWindow(PRESETS[presets.getSelectionIndex()]));
        new Label(bar, SWT.NONE).setText("Overlay opacity");
        fade = new Scale(bar, SWT.HORIZONTAL);
        fade.setMinimum(0);
        fade.setMaximum(100);
        fade.setSelection((int) Math.round(opacity * 100));
        GridDataFactory.swtDefaults().hint(140, SWT.DEFAULT).applyTo(fade);
        fade.addListener(SWT.Selection, e -> setOpacity(fade.getSelection() / 100.0));
    }

    /** Shows a plane, at the slice last shown in it (the middle one at first). */
    public void setPlane(Plane p) {
        plane = p;
        planes.select(p.ordinal());
        if (volume != null) {
            slider.setMaximum(Math.max(1, volume.slices(p) - 1));
            slider.setSelection(index[p.ordinal()]);
        }
        render();
    }

    /** Shows slice {@code i} of the current plane, clamped to the volume. */
    public void setSlice(int i) {
        if (volume == null) {
            return;
        }
        index[plane.ordinal()] = Math.max(0, Math.min(volume.slices(plane) - 1, i));
        slider.setSelection(index[plane.ordinal()]);
        render();
    }

    /** Applies a window preset by name ("abdomen", "liver", "bone"). */
    public void setWindow(String preset) {
        window = WindowLevel.preset(preset);
        presets.select(List.of(PRESETS).indexOf(preset));
        render();
    }

    /** Sets every overlay's opacity, 0 to 1. */
    public void setOpacity(double value) {
        opacity = Math.max(0, Math.min(1, value));
        fade.setSelection((int) Math.round(opacity * 100));
        render();
    }

    /** Shows or hides an overlay by name. */
    public void setOverlayVisible(String name, boolean visible) {
        if (visible) {
            hidden.remove(name);
        } else {
            hidden.add(name);
        }
        for (Control c : overlayBox.getChildren()) {
            if (c instanceof Button b && name.equals(b.getData())) {
                b.setSelection(visible);
            }
        }
        render();
    }

    /** The current plane's slice index. */
    public int slice() {
        return index[plane.ordinal()];
    }

    /** The slice as drawn last, overlays included; null before a volume is open. */
    public RgbU8 shown() {
        return shown;
    }

    /** The labels drawn on the current slice. */
    public List<SliceRenderer.Caption> captions() {
        return captions;
    }

    /** What the read-out says for pixel (x, y) of the current slice. */
    public String describe(int x, int y) {
        int[] v = plane.voxel(index[plane.ordinal()], x, y);
        return SliceRenderer.readout(volume, visibleOverlays(), v[0], v[1], v[2]);
    }

    private void documentChanged() {
        status.setText(document.state() == BackgroundRun.State.IDLE ? "" : document.message());
        Volume now = document.volume();
        if (now != volume && now != null) {
            boolean sameGrid = volume != null && volume.width() == now.width() && volume.height() == now.height()
                    && volume.depth() == now.depth();
            volume = now;
            if (!sameGrid) {
                for (Plane p : Plane.values()) {
                    index[p.ordinal()] = now.slices(p) / 2;
                }
            }
            setPlane(plane);
        }
        rebuildOverlayBoxes();
        render();
    }

    private void rebuildOverlayBoxes() {
        for (Control c : overlayBox.getChildren()) {
            c.dispose();
        }
        Label title = new Label(overlayBox, SWT.NONE);
        title.setText(document.overlays().isEmpty() ? "No overlays" : "Overlays");
        for (SliceOverlay o : document.overlays()) {
            Button b = new Button(overlayBox, SWT.CHECK);
            b.setText(o.name());
            b.setData(o.name());
            b.setSelection(!hidden.contains(o.name()));
            b.addListener(SWT.Selection, e -> setOverlayVisible(o.name(), b.getSelection()));
        }
        lesions = new TreeMap<>();
        document.overlays().stream().filter(o -> o.name().equals(CaseOutputs.LESIONS)).findFirst().ifPresent(o -> {
            lesions = SliceRenderer.largestAxialSections(o);
            Label heading = new Label(overlayBox, SWT.NONE);
            heading.setText(lesions.isEmpty() ? "No tumour or cyst found" : "Lesions (select to show)");
            org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(overlayBox, SWT.SINGLE
                    | SWT.BORDER | SWT.V_SCROLL);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(list);
            List<Integer> labels = new ArrayList<>(lesions.keySet());
            labels.forEach(l -> list.add(o.captions().apply(l)));
            list.addListener(SWT.Selection, e -> {
                if (list.getSelectionIndex() >= 0) {
                    showLesion(labels.get(list.getSelectionIndex()));
                }
            });
        });
        overlayBox.layout(true);
    }

    /** The lesions drawn (by label), each with the axial slice where it is largest. */
    public SortedMap<Integer, Integer> lesions() {
        return lesions;
    }

    /** Shows lesion {@code label} on the axial slice where it is largest. */
    public void showLesion(int label) {
        Integer k = lesions.get(label);
        if (k != null) {
            index[Plane.AXIAL.ordinal()] = k;
            setPlane(Plane.AXIAL);
        }
    }

    private List<SliceOverlay> visibleOverlays() {
        List<SliceOverlay> out = new ArrayList<>();
        for (SliceOverlay o : document.overlays()) {
            if (!hidden.contains(o.name())) {
                out.add(o);
            }
        }
        return out;
    }

    private void render() {
        if (volume == null || canvas == null) {
            return;
        }
        int i = index[plane.ordinal()];
        List<SliceOverlay> visible = visibleOverlays();
        shown = SliceRenderer.render(volume, plane, i, window, visible, opacity);
        captions = visible.stream().filter(o -> o.name().equals(CaseOutputs.LESIONS)).flatMap(o -> SliceRenderer
                .captions(o, plane, i).stream()).toList();
        double[] mm = plane.pixelSize(volume.geometry());
        canvas.setSlice(shown, mm[0], mm[1], plane.shownBottomUp(volume.geometry()),
                opacity > 0 ? captions : List.of());
        position.setText((i + 1) + " / " + volume.slices(plane));
    }

    /** Stops hearing the document. */
    @PreDestroy
    public void dispose() {
        document.removeListener(refresh);
    }
}
