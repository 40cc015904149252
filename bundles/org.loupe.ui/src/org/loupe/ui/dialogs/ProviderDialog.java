package org.loupe.ui.dialogs;

import java.util.List;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;
import org.loupe.ui.widgets.ParameterForm;

/**
 * A dialog that chooses one provider of a contract and fills in its parameters with a generated form; subclasses add
 * their own fields between the choice and the form and check them on OK. It sizes itself to its content within the
 * screen (a long form scrolls, the buttons stay), can be resized, and opens centred over the window.
 *
 * @param <S> the provider contract
 */
abstract class ProviderDialog<S extends LoupeService> extends TitleAreaDialog {

    /** Widest a dialog opens; descriptions wrap rather than widen it. */
    private static final int MAX_WIDTH = 760;

    private final ProviderRegistry registry;
    private final Class<S> contract;
    private final List<ProviderStatus> choices;
    private ParameterForm form;
    private ProviderHandle<S> chosen;
    private Parameters parameters;
    private String preselected;

    ProviderDialog(Shell shell, ProviderRegistry registry, Class<S> contract, List<ProviderStatus> choices) {
        super(shell);
        this.registry = registry;
        this.contract = contract;
        this.choices = choices;
    }

    /** Chooses provider {@code id} when the dialog opens, if it is offered (Run from the Plugins view). */
    public void preselect(String id) {
        preselected = id;
    }

    /** The healthy providers of a kind that accept images of {@code type}. */
    static List<ProviderStatus> accepting(ProviderRegistry registry, ProviderKind kind, ImageType type) {
        return registry.providers(kind).stream().filter(s -> s.descriptor().accepts(type)
                && s.health() != Health.FAULTY).toList();
    }

    /** The chosen provider, after OK. */
    public ProviderHandle<S> provider() {
        return chosen;
    }

    /** The validated parameters, after OK. */
    public Parameters parameters() {
        return parameters;
    }

    /** The dialog's title. */
    abstract String title();

    /** What to say when there is nothing to choose from. */
    abstract String noChoice();

    /** Grid columns of the dialog's body (the choice spans all but the first). */
    int columns() {
        return 2;
    }

    /** Adds fields between the choice and the parameters. */
    void addFields(Composite body) {
        // none by default
    }

    /** Checks the added fields on OK and keeps their values; throws USAGE naming what is missing. */
    void accept() throws LoupeException {
        // nothing to check by default
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title());
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(columns()).applyTo(body);
        new Label(body, SWT.NONE).setText("Provider");
        Combo combo = new Combo(body, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().span(columns() - 1, 1).grab(true, false).applyTo(combo);
        choices.forEach(s -> combo.add(s.descriptor().name() + "  (" + s.descriptor().id() + " "
                + s.descriptor().version() + ")"));
        addFields(body);
        form = new ParameterForm(body, columns());
        combo.addListener(SWT.Selection, e -> select(combo.getSelectionIndex()));
        if (choices.isEmpty()) {
            setErrorMessage(noChoice());
        } else {
            int first = Math.max(0, choices.stream().map(c -> c.descriptor().id()).toList().indexOf(preselected));
            combo.select(first);
            select(first);
        }
        return area;
    }

    private void select(int index) {
        setErrorMessage(null);
        List<ParameterSpec> specs;
        try {
            chosen = registry.provider(choices.get(index).descriptor().id(), contract);
            specs = chosen.call(LoupeService::parameters);
        } catch (LoupeException e) {
            specs = List.of();
            setErrorMessage(e.getMessage());
        }
        setMessage(choices.get(index).descriptor().description());
        form.show(specs);
        if (getShell().isVisible()) {
            // another provider has another form: fit it, within the screen, and stay centred over the window
            Point size = getInitialSize();
            getShell().setSize(size);
            getShell().setLocation(getInitialLocation(size));
        }
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        Point preferred = getShell().computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
        Rectangle screen = (getParentShell() != null ? getParentShell() : getShell()).getMonitor().getClientArea();
        int width = Math.min(Math.max(preferred.x, 520), Math.min(MAX_WIDTH, screen.width * 9 / 10));
        // the preferred height at that width: the description and the ranges wrap
        int height = getShell().computeSize(width, SWT.DEFAULT, true).y;
        return new Point(width, Math.min(height, screen.height * 85 / 100));
    }

    @Override
    protected Point getInitialLocation(Point size) {
        Shell parent = getParentShell();
        Rectangle screen = (parent != null ? parent : getShell()).getMonitor().getClientArea();
        Rectangle over = parent != null && parent.isVisible() ? parent.getBounds() : screen;
        int x = over.x + (over.width - size.x) / 2;
        int y = over.y + Math.max(0, (over.height - size.y) / 3);
        return new Point(Math.max(screen.x, Math.min(x, screen.x + screen.width - size.x)),
                Math.max(screen.y, Math.min(y, screen.y + screen.height - size.y)));
    }

    @Override
    protected void okPressed() {
        try {
            if (chosen == null) {
                throw LoupeException.usage(noChoice());
            }
            accept();
            parameters = form.values();
        } catch (LoupeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        super.okPressed();
    }
}
