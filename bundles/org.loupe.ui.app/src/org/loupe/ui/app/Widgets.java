package org.loupe.ui.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * What the scripted UI tests do as a user would: run a menu command by its id, wait for the dialog it opens, find
 * controls by their text, press buttons, and check that a control can be seen. Every method that touches widgets
 * runs on the UI thread itself; the callers run on the test thread.
 */
final class Widgets {

    private Widgets() {
    }

    /** Runs a command as its menu item does; returns at once (the command may open a modal dialog). */
    static void execute(IEclipseContext windowContext, String commandId) {
        Display.getDefault().asyncExec(() -> {
            ECommandService commands = windowContext.get(ECommandService.class);
            EHandlerService handlers = windowContext.get(EHandlerService.class);
            ParameterizedCommand command = commands.createCommand(commandId, null);
            handlers.executeHandler(command);
        });
    }

    /** The visible shells other than the given ones, newest last. */
    static List<Shell> otherShells(Set<Shell> known) {
        return onUi(() -> Arrays.stream(Display.getDefault().getShells()).filter(s -> !s.isDisposed()
                && s.isVisible() && !known.contains(s)).toList());
    }

    /** Waits for a dialog (a visible shell that is not in {@code known}) to open. */
    static Shell awaitDialog(Set<Shell> known, String what) throws InterruptedException {
        SelfTest.await(() -> !otherShells(known).isEmpty(), what + " did not open");
        Thread.sleep(300); // let GTK give the dialog its final size
        List<Shell> open = otherShells(known);
        return open.get(open.size() - 1);
    }

    /** Closes every visible shell other than {@code keep}, as Escape would. */
    static void closeOthers(Shell keep) {
        onUi(() -> {
            for (Shell s : Display.getDefault().getShells()) {
                if (s != keep && !s.isDisposed() && s.isVisible()) {
                    screenshot("dialog-" + s.getText());
                    s.close();
                }
            }
            return null;
        });
    }

    /** Every control under {@code root} of the given class that passes the test, in tree order. */
    static <T extends Control> List<T> find(Composite root, Class<T> type, Predicate<T> test) {
        return onUi(() -> {
            List<T> found = new ArrayList<>();
            collect(root, type, test, found);
            return found;
        });
    }

    /** The one button under {@code root} with the given text (mnemonics ignored). */
    static Optional<Button> button(Composite root, String text) {
        return find(root, Button.class, b -> b.getText().replace("&", "").equals(text)).stream().findFirst();
    }

    /** Presses a button as a click does. */
    static void press(Button b) {
        Display.getDefault().asyncExec(() -> {
            if ((b.getStyle() & (SWT.RADIO | SWT.CHECK)) != 0) {
                b.setSelection(!b.getSelection() || (b.getStyle() & SWT.RADIO) != 0);
            }
            b.notifyListeners(SWT.Selection, new Event());
        });
    }

    /**
     * Why a control cannot be seen on the screen (outside its shell's client area, outside the monitor, hidden or
     * zero-sized), or empty if it can.
     */
    static Optional<String> unseen(Control c) {
        return onUi(() -> {
            if (!c.isVisible()) {
                return Optional.of("hidden");
            }
            Shell shell = c.getShell();
            Rectangle r = c.getDisplay().map(c.getParent(), null, c.getBounds());
            Rectangle client = c.getDisplay().map(shell, null, shell.getClientArea());
            Rectangle monitor = shell.getMonitor().getClientArea();
            if (r.width <= 0 || r.height <= 0) {
                return Optional.of("zero-sized");
            }
            if (!client.contains(r.x, r.y) || !client.contains(r.x + r.width - 1, r.y + r.height - 1)) {
                return Optional.of("at " + r + ", outside its window's client area " + client);
            }
            if (!monitor.contains(r.x, r.y) || !monitor.contains(r.x + r.width - 1, r.y + r.height - 1)) {
                return Optional.of("at " + r + ", off the screen " + monitor);
            }
            for (Composite p = c.getParent(); p != null && p != shell; p = p.getParent()) {
                Rectangle area = c.getDisplay().map(p, null, p.getClientArea());
                if (!area.contains(r.x, r.y) || !area.contains(r.x + r.width - 1, r.y + r.height - 1)) {
                    return Optional.of("at " + r + ", clipped by " + p.getClass().getSimpleName() + " " + area);
                }
            }
            return Optional.empty();
        });
    }

    /** Sends a mouse event as the pointer would; on the UI thread. */
    static void mouse(Control c, int type, int x, int y, int button, int state) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = button;
        e.stateMask = state;
        c.notifyListeners(type, e);
    }

    /** A left-button drag from {@code a} to {@code b} with modifier keys held; on the UI thread. */
    static void drag(Control c, Point a, Point b, int state) {
        mouse(c, SWT.MouseDown, a.x, a.y, 1, state);
        mouse(c, SWT.MouseMove, b.x, b.y, 0, state | SWT.BUTTON1);
        mouse(c, SWT.MouseUp, b.x, b.y, 1, state);
    }

    /** A left click with modifier keys held; on the UI thread. */
    static void click(Control c, Point p, int state) {
        mouse(c, SWT.MouseDown, p.x, p.y, 1, state);
        mouse(c, SWT.MouseUp, p.x, p.y, 1, state);
    }

    /** Screenshots taken so far, for their order in the folder. */
    private static final AtomicInteger SCREENS = new AtomicInteger();

    /** Prints an item's line of the daily-use test: OK with what it saw, or FAILED with every problem. */
    static void report(String item, List<String> problems, String detail) {
        onUi(() -> {
            screenshot(item);
            return null;
        });
        System.out.println("LOUPE-SELFTEST DAILY " + item + (problems.isEmpty() ? " OK " + detail
                : " FAILED " + String.join("; ", problems)));
    }

    /**
     * Saves what the screen shows (the active shell, else the main window) as {@code screens/NNN-NAME.png}, numbered
     * in order, in the daily test's scratch folder, so that a reviewer can look at each item; on the UI thread.
     */
    static void screenshot(String name) {
        String daily = System.getProperty("loupe.selftest.daily");
        Display display = Display.getDefault();
        Shell shown = display.getActiveShell() != null ? display.getActiveShell()
                : Arrays.stream(display.getShells()).filter(s -> s.getParent() == null && s.isVisible())
                        .findFirst().orElse(null);
        if (daily != null && shown != null) {
            SelfTest.captureWindow(shown, Path.of(daily, "screens", String.format("%03d-%s.png", SCREENS
                    .incrementAndGet(), name.replaceAll("[^A-Za-z0-9.-]+", "-"))));
        }
    }

    /** One phase of a scripted test, reported by name if it fails. */
    @FunctionalInterface
    interface Phase {
        void run() throws Exception;
    }

    /**
     * Runs phases in order, each on its own: a phase that throws prints one FAILED line under its name and leaves
     * the window to the next, with any dialog it left open closed.
     */
    static void runEach(Map<String, Phase> phases, Shell window) {
        phases.forEach((name, phase) -> {
            try {
                phase.run();
            } catch (Exception | LinkageError e) {
                System.out.println("LOUPE-SELFTEST DAILY " + name + " FAILED " + e);
                e.printStackTrace(System.out);
            }
            closeOthers(window);
        });
    }

    /** Runs on the UI thread and returns the value. */
    static <T> T onUi(Supplier<T> work) {
        AtomicReference<T> value = new AtomicReference<>();
        Display.getDefault().syncExec(() -> value.set(work.get()));
        return value.get();
    }

    private static <T extends Control> void collect(Composite root, Class<T> type, Predicate<T> test, List<T> found) {
        for (Control c : root.getChildren()) {
            if (type.isInstance(c) && test.test(type.cast(c))) {
                found.add(type.cast(c));
            }
            if (c instanceof Composite k) {
                collect(k, type, test, found);
            }
        }
    }
}
