package org.loupe.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.loupe.api.ComputeSettings;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.SaveSuggestion;
import org.loupe.ui.WorkbenchSettings;

/**
 * The preferences phase of the daily-use test (issue 25, "application basics"): File > Preferences sets the pixel
 * limit, which the next open obeys and which is kept in workbench.properties; the compute device, tile size and
 * default folders reach the learned providers and the Open and Save dialogs, and a missing folder is refused; File >
 * Open Recent lists the files opened lately, newest first, and opens the one chosen.
 */
final class SettingsSelfTest {

    private SettingsSelfTest() {
    }

    static void run(IEclipseContext windowContext, ImageDocument document, Shell window, Path first, Path second)
            throws Exception {
        List<String> problems = new ArrayList<>();
        preferences(windowContext, window, "0", "0.1", null);
        SelfTest.join(document.open(first));
        Shell refusal = Widgets.awaitDialog(Set.of(window), "the refusal of a board over the pixel limit");
        String said = Widgets.find(refusal, Label.class, l -> l.getText().contains("pixel limit")).stream()
                .findFirst().map(l -> Widgets.onUi(l::getText)).orElse("");
        Widgets.closeOthers(window);
        if (!said.contains("over the pixel limit of 0.1") || !said.contains("File > Preferences")) {
            problems.add("a 0.41-megapixel board under a 0.1-megapixel limit: '" + said + "'");
        }
        preferences(windowContext, window, "0", "100", null);
        Path file = Path.of(System.getProperty("loupe.home"), "workbench.properties");
        if (!Files.readString(file).contains("maxPixels=100000000")) {
            problems.add("workbench.properties holds " + Files.readString(file));
        }
        Widgets.report("preferences", problems, "refused=" + said);
        computeAndFolders(windowContext, document, window, first.getParent());
        recent(windowContext, document, window, first, second);
    }

    /** The device, tile and folders: kept, applied, a missing folder refused; then the defaults again. */
    private static void computeAndFolders(IEclipseContext windowContext, ImageDocument document, Shell window,
            Path folder) throws Exception {
        List<String> problems = new ArrayList<>();
        Path missing = folder.resolve("no-such-folder");
        String refused = preferences(windowContext, window, "0", "100", new String[] {"384", missing.toString(), ""});
        if (!refused.equals("No such folder: " + missing.toAbsolutePath().normalize())) {
            problems.add("a missing open folder: '" + refused + "'");
        }
        Path chosen = folder.toAbsolutePath().normalize();
        preferences(windowContext, window, "0", "100", new String[] {"384", chosen.toString(), chosen.toString()});
        String kept = Files.readString(Path.of(System.getProperty("loupe.home"), "workbench.properties"));
        for (String line : List.of("device=cpu", "maxTile=384", "openFolder=" + chosen, "saveFolder=" + chosen)) {
            if (kept.lines().noneMatch(line::equals)) {
                problems.add("workbench.properties lacks " + line);
            }
        }
        if (ComputeSettings.device() != ComputeSettings.Device.CPU || ComputeSettings.maxTile() != 384) {
            problems.add("the providers were given " + ComputeSettings.describe());
        }
        WorkbenchSettings settings = ContextInjectionFactory.make(WorkbenchSettings.class, windowContext);
        Path proposed = SaveSuggestion.folder(document, settings.choices().saveFolder());
        Path expected = document.lastSaveFolder() != null ? document.lastSaveFolder() : chosen;
        if (!chosen.equals(settings.openFolder()) || !expected.equals(proposed)) {
            problems.add("Open starts in " + settings.openFolder() + ", Save in " + proposed);
        }
        String about = ComputeSettings.describe();
        // the later phases expect the defaults
        preferences(windowContext, window, "0", "100", new String[] {"0", "", ""});
        if (ComputeSettings.device() != ComputeSettings.Device.AUTO || settings.choices().saveFolder() != null) {
            problems.add("the defaults did not come back: " + ComputeSettings.describe());
        }
        Widgets.report("compute-folders", problems, "applied=" + about + " refused=" + refused);
    }

    private static void recent(IEclipseContext windowContext, ImageDocument document, Shell window, Path first,
            Path second) throws Exception {
        SelfTest.join(document.open(first));
        SelfTest.await(() -> first.equals(document.path()), "the first board did not open");
        SelfTest.join(document.open(second));
        SelfTest.await(() -> second.equals(document.path()), "the second board did not open");
        WorkbenchSettings settings = ContextInjectionFactory.make(WorkbenchSettings.class, windowContext);
        List<String> problems = new ArrayList<>();
        Path newest = second.toAbsolutePath().normalize();
        // the list is kept by a listener of the document, which hears of the open just after the path is set
        SelfTest.await(() -> !settings.recentFiles().isEmpty() && settings.recentFiles().get(0).equals(newest),
                "the second board did not become the newest recent file: " + settings.recentFiles());
        if (settings.recentFiles().size() < 2 || !settings.recentFiles().get(0).equals(second.toAbsolutePath()
                .normalize())) {
            problems.add("recent files " + settings.recentFiles());
        }
        Widgets.execute(windowContext, "org.loupe.ui.command.openRecent");
        Shell dialog = Widgets.awaitDialog(Set.of(window), "Open Recent");
        String top = Widgets.onUi(() -> {
            org.eclipse.swt.widgets.List list = Widgets.find(dialog, org.eclipse.swt.widgets.List.class, l -> true)
                    .get(0);
            String item = list.getItem(0);
            list.select(1);
            return item;
        });
        Widgets.press(Widgets.button(dialog, "OK").orElseThrow());
        SelfTest.await(() -> first.equals(document.path()), "Open Recent did not open the second file listed");
        if (!top.startsWith(second.getFileName().toString())) {
            problems.add("Open Recent lists '" + top + "' first");
        }
        Widgets.report("recent", problems, "first=" + top);
    }

    /**
     * Sets the preferences through the dialog, as typed; with {@code compute} (tile, open folder, save folder) also
     * CPU only when the tile is not 0, else Automatic. Returns the dialog's error if it refused (and cancels it).
     */
    private static String preferences(IEclipseContext windowContext, Shell window, String budgetGb,
            String megapixels, String[] compute) throws Exception {
        Widgets.execute(windowContext, "org.loupe.ui.command.preferences");
        Shell dialog = Widgets.awaitDialog(Set.of(window), "Preferences");
        Widgets.onUi(() -> {
            List<Text> fields = Widgets.find(dialog, Text.class, t -> (t.getStyle() & SWT.RIGHT) != 0);
            fields.get(0).setText(budgetGb);
            fields.get(1).setText(megapixels);
            if (compute != null) {
                fields.get(2).setText(compute[0]);
                List<Text> folders = Widgets.find(dialog, Text.class, t -> (t.getStyle() & SWT.RIGHT) == 0
                        && (t.getStyle() & SWT.READ_ONLY) == 0 && (t.getStyle() & SWT.BORDER) != 0);
                folders.get(0).setText(compute[1]);
                folders.get(1).setText(compute[2]);
                Widgets.find(dialog, Combo.class, c -> true).get(0).select(compute[0].equals("0") ? 0 : 1);
            }
            Widgets.screenshot("dialog-Preferences");
            return null;
        });
        Widgets.press(Widgets.button(dialog, "OK").orElseThrow());
        Supplier<String> error = () -> Widgets.onUi(() -> dialog.isDisposed() ? "" : Objects.toString(
                ((TitleAreaDialog) dialog.getData()).getErrorMessage(), ""));
        SelfTest.await(() -> Widgets.onUi(dialog::isDisposed) || !error.get().isEmpty(),
                "Preferences neither closed nor refused on OK");
        String refused = error.get();
        if (!refused.isEmpty()) {
            Widgets.press(Widgets.button(dialog, "Cancel").orElseThrow());
            SelfTest.await(() -> Widgets.onUi(dialog::isDisposed), "Preferences did not close on Cancel");
        }
        return refused;
    }
}
