package org.loupe.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.loupe.ui.DocumentListener;
import org.loupe.ui.ImageDocument;

/**
 * What was applied to the open image, in order, with the parameters: the enhancements chained with Use Result as
 * Input, then the detections, patch decisions and result on the current input. File > Save Session as Pipeline
 * writes exactly these steps; Image > Undo steps back through the chain.
 */
public final class HistoryPart implements DocumentListener {

    /** The id of the History view in the application model. */
    public static final String PART_ID = "org.loupe.ui.part.history";

    private final ImageDocument document;
    private org.eclipse.swt.widgets.List list;
    private Label caption;

    /** Created by the workbench. */
    @Inject
    public HistoryPart(ImageDocument document) {
        this.document = document;
    }

    /** Builds the view. */
    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        caption = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(caption);
        list = new org.eclipse.swt.widgets.List(parent, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(list);
        document.addListener(this);
        refresh();
    }

    /** The lines shown (for the self-test). */
    public List<String> lines() {
        return List.of(list.getItems());
    }

    @Override
    public void imageChanged() {
        refresh();
    }

    @Override
    public void resultChanged() {
        refresh();
    }

    @Override
    public void marksChanged() {
        refresh();
    }

    private void refresh() {
        if (list == null || list.isDisposed()) {
            return;
        }
        List<String> steps = document.session().history();
        list.setItems(steps.stream().map(s -> (steps.indexOf(s) + 1) + ". " + s).toArray(String[]::new));
        caption.setText(document.image() == null ? "No image open" : steps.isEmpty() ? "Nothing applied yet"
                : steps.size() + " steps; Undo: " + (document.canUndo() ? "Ctrl+Z" : "nothing to undo"));
        caption.getParent().layout();
    }

    /** Stops listening to the document. */
    @PreDestroy
    public void dispose() {
        document.removeListener(this);
    }
}
