package org.loupe.ui.dialogs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Help > Guide: the README (its tour of the command line and the workbench) and the documents of {@code docs/},
 * installed beside the launcher, to read inside the application: the list on the left, the chosen one's text on the
 * right.
 */
public final class GuideDialog extends TitledDialog {

    private final List<Path> documents;
    private final Path root;
    private org.eclipse.swt.widgets.List list;
    private Text text;

    /** A dialog over the guide installed with the product at {@code root}. */
    public GuideDialog(Shell shell, Path root) {
        super(shell, "Loupe guide");
        this.root = root;
        this.documents = documents(root);
    }

    /** The installation folder, from the OSGi install area, or null. */
    public static Path installation() {
        String area = System.getProperty("osgi.install.area");
        try {
            return area == null ? null : Path.of(URI.create(area.replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** README.md, then docs/*.md in name order, where they exist. */
    public static List<Path> documents(Path root) {
        List<Path> found = new ArrayList<>();
        if (root == null) {
            return found;
        }
        if (Files.isRegularFile(root.resolve("README.md"))) {
            found.add(root.resolve("README.md"));
        }
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(found::add);
        } catch (IOException e) {
            // no docs folder: the README alone, or nothing
        }
        return found;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).applyTo(area);
        list = new org.eclipse.swt.widgets.List(area, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(false, true).hint(170, SWT.DEFAULT).applyTo(list);
        text = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, true).hint(760, 520).applyTo(text);
        documents.forEach(d -> list.add(root.relativize(d).toString()));
        list.addListener(SWT.Selection, e -> show(list.getSelectionIndex()));
        if (documents.isEmpty()) {
            text.setText("The guide (README.md and docs/) is not installed with this build; it is in the source "
                    + "checkout and at the project's home page.");
        } else {
            list.select(0);
            show(0);
        }
        return area;
    }

    private void show(int i) {
        if (i < 0) {
            return;
        }
        try {
            text.setText(Files.readString(documents.get(i)));
        } catch (IOException e) {
            text.setText(documents.get(i) + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
