package org.loupe.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Help > Keys and Tools (F1): what the mouse and the keys do on the image, and where each tool is. */
public final class HelpHandler {

    /** The text shown; the README's workbench section says the same at length. */
    public static final String TEXT = String.join("\n",
            "On the image",
            "  wheel, + and -        zoom about the pointer or the centre",
            "  drag, arrow keys      pan",
            "  double-click, 0       fit the image to the view",
            "  right-drag            display window: width left-right, level up-down",
            "  Ctrl+drag             rectangular region: statistics in the status line; Escape clears it",
            "  Ctrl+Shift+click      polygon corners; a click on the first corner closes it: its statistics",
            "  Shift+drag            line: its length in the status line, its values in the Profile view",
            "  click on a mark       choose it in the Findings view",
            "  drop files            open the first one",
            "",
            "Keys",
            "  Ctrl+O  open         Ctrl+Shift+O  open recent     Ctrl+S  save result",
            "  Ctrl+R  run enhancer Ctrl+D  detect defects        Ctrl+Z / Ctrl+Shift+Z  undo / redo a chain",
            "  Ctrl+Q  quit (asks about an unsaved result)       F1  this help",
            "",
            "Views",
            "  Findings: the marks, export (CSV, JSON, COCO), picture with marks, ground truth",
            "  Histogram and Profile: the image's values; Results: a pipeline run; Training: a training run",
            "  Plugins: double-click for a provider in full, right-click to run it on the open image",
            "",
            "The command line does the same work: ./loupe --help, and README.md beside it.");

    /** Shows the help. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        MessageDialog.openInformation(shell, "Keys and tools", TEXT);
    }
}
