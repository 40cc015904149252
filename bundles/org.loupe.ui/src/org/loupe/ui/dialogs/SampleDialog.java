package org.loupe.ui.dialogs;

import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.loupe.samples.Sample;
import org.loupe.samples.Samples;

/** Lets the user pick one of the sample images bundled with Loupe, or a PCB board that opens with its template. */
public final class SampleDialog extends TitledDialog {

    private final List<Sample> samples = Stream.concat(Samples.all().stream(), Samples.boards().stream()).toList();
    private org.eclipse.swt.widgets.List list;
    private Sample chosen;

    /** A dialog listing every bundled sample. */
    public SampleDialog(Shell shell) {
        super(shell, "Open sample");
    }

    /** The chosen sample after OK, or null. */
    public Sample sample() {
        return chosen;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        list = new org.eclipse.swt.widgets.List(area, SWT.SINGLE | SWT.BORDER);
        samples.forEach(s -> list.add(s.fileName().substring(s.fileName().lastIndexOf('/') + 1) + "  -  "
                + s.description()));
        // a board with its template: the first thing an analyst tries, Detect Defects, works on it
        list.select(samples.indexOf(Samples.boards().get(0)));
        list.addListener(SWT.DefaultSelection, e -> okPressed());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(list);
        return area;
    }

    @Override
    protected void okPressed() {
        int i = list.getSelectionIndex();
        chosen = i < 0 ? null : samples.get(i);
        super.okPressed();
    }
}
