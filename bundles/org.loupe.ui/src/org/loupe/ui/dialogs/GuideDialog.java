package org.loupe.ui.dialogs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.MarkdownText;

/**
 * Help > Guide: the README (its tour of the command line and the workbench) and the documents of {@code docs/},
 * installed beside the launcher, to read inside the application: the list on the left, the chosen one on the right,
 * its Markdown shown as headings, monospace code and tables, and plain text ({@link MarkdownText}).
 */
public final class GuideDialog extends TitledDialog {

    /** The font family every platform maps to its fixed-width font (fontconfig on Linux, the OS elsewhere). */
    public static final String MONOSPACE = "Monospace";

    private final List<Path> documents;
    private final Path root;
    private org.eclipse.swt.widgets.List list;
    private StyledText text;
    private LocalResourceManager fonts;

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
        text = new StyledText(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        text.setMargins(8, 6, 8, 6);
        GridDataFactory.fillDefaults().grab(true, true).hint(760, 520).applyTo(text);
        fonts = new LocalResourceManager(JFaceResources.getResources(), text);
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
            MarkdownText doc = MarkdownText.of(Files.readString(documents.get(i)));
            text.setText(doc.text());
            text.setStyleRanges(doc.spans().stream().map(this::range).toArray(StyleRange[]::new));
        } catch (IOException e) {
            text.setText(documents.get(i) + " cannot be read: " + e.getMessage());
        }
        text.setTopIndex(0);
    }

    /** The text's plain string, as shown (for the self-test). */
    public String shownText() {
        return text.getText();
    }

    /** The styles of the shown text (for the self-test). */
    public StyleRange[] shownStyles() {
        return text.getStyleRanges();
    }

    private StyleRange range(MarkdownText.Span s) {
        StyleRange r = new StyleRange();
        r.start = s.start();
        r.length = s.length();
        FontDescriptor base = FontDescriptor.createFrom(text.getFont());
        r.font = fonts.create(switch (s.style()) {
            case TITLE -> base.setStyle(SWT.BOLD).increaseHeight(6);
            case HEADING -> base.setStyle(SWT.BOLD).increaseHeight(3);
            case SUBHEADING, BOLD -> base.setStyle(SWT.BOLD);
            case CODE -> FontDescriptor.createFrom(MONOSPACE, text.getFont().getFontData()[0].getHeight(), SWT.NORMAL);
        });
        return r;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
