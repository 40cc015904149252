package org.loupe.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.loupe.registry.ProviderRegistry;
import org.loupe.samples.Samples;
import org.loupe.ui.ImageDocument;

/**
 * The daily-use phase of the scripted UI test for the dialogs (issue 25): Run Enhancer, Detect Defects, Classify
 * Patches and Train Model, opened through their commands as the menus and keys do, must show their OK and Cancel
 * buttons with every provider chosen, be resizable and open centred over the window; no text a provider shows in
 * the workbench speaks in command-line options; Open Sample preselects a board that has its template.
 */
final class DialogsSelfTest {

    private static final String PREFIX = "org.loupe.ui.command.";
    /** A command-line option in a text the workbench shows: "--reference", "--param noise=SIGMA". */
    private static final Pattern OPTION = Pattern.compile("(^|[\\s(])--[a-z]");

    private DialogsSelfTest() {
    }

    /** Runs the checks on the butterfly sample; prints one line per item. */
    static void run(IEclipseContext windowContext, ImageDocument document, Shell window) throws Exception {
        SelfTest.join(document.open(Samples.all().stream().filter(s -> s.fileName().equals("butterfly.png"))
                .findFirst().orElseThrow()));
        SelfTest.await(() -> document.image() != null && document.image().bands() == 3, "the butterfly did not open");
        List<String> problems = new ArrayList<>();
        for (String command : new String[] {"runEnhancer", "detect", "classifyPatches", "train"}) {
            problems.addAll(dialog(windowContext, window, command));
        }
        Widgets.report("1", problems, "dialogs=4");
        List<String> worded = new ArrayList<>();
        windowContext.get(ProviderRegistry.class).providers().forEach(p -> {
            if (OPTION.matcher(p.descriptor().description()).find()) {
                worded.add(p.descriptor().id() + " says '" + p.descriptor().description() + "'");
            }
        });
        Widgets.report("7-descriptions", worded, "providers=" + windowContext.get(ProviderRegistry.class).providers()
                .size());
        Widgets.execute(windowContext, PREFIX + "openSample");
        Shell samples = Widgets.awaitDialog(Set.of(window), "Open Sample");
        String first = Widgets.onUi(() -> Widgets.find(samples, org.eclipse.swt.widgets.List.class, l -> true)
                .get(0).getSelection()[0]);
        Widgets.closeOthers(window);
        Widgets.report("8-sample", first.contains("template") ? List.of() : List.of("preselected '" + first + "'"),
                "preselected=" + first.substring(0, first.indexOf(' ')));
    }

    /** Opens one dialog, tries every provider in it, and closes it with Cancel; returns what is wrong. */
    private static List<String> dialog(IEclipseContext windowContext, Shell window, String command)
            throws InterruptedException {
        List<String> problems = new ArrayList<>();
        Widgets.execute(windowContext, PREFIX + command);
        Shell d = Widgets.awaitDialog(Set.of(window), command);
        if (Widgets.onUi(() -> (d.getStyle() & SWT.RESIZE) == 0)) {
            problems.add(command + ": not resizable");
        }
        Rectangle w = Widgets.onUi(window::getBounds);
        Rectangle b = Widgets.onUi(d::getBounds);
        if (Math.abs(b.x + b.width / 2 - (w.x + w.width / 2)) > 24 || b.y < w.y || b.y + b.height > w.y + w.height) {
            problems.add(command + ": at " + b + ", not centred over the window " + w);
        }
        List<Combo> choice = Widgets.find(d, Combo.class, k -> k.getItemCount() > 0 && k.getItem(0).contains(" ("));
        int n = choice.isEmpty() ? 1 : Widgets.onUi(() -> choice.get(0).getItemCount());
        for (int i = 0; i < n; i++) {
            String chosen = "";
            if (!choice.isEmpty()) {
                int index = i;
                chosen = Widgets.onUi(() -> {
                    choice.get(0).select(index);
                    choice.get(0).notifyListeners(SWT.Selection, new Event());
                    return choice.get(0).getItem(index);
                });
                Thread.sleep(150);
            }
            for (String label : new String[] {"OK", "Cancel"}) {
                Optional<Button> button = Widgets.button(d, label);
                Optional<String> why = button.isEmpty() ? Optional.of("missing") : Widgets.unseen(button.get());
                if (why.isPresent()) {
                    problems.add(command + " with " + chosen + ": " + label + " " + why.get());
                }
            }
        }
        Widgets.closeOthers(window);
        SelfTest.await(() -> Widgets.onUi(d::isDisposed), command + " did not close");
        return problems;
    }
}
