package org.loupe.ui.dialogs;

import java.nio.file.Path;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.loupe.api.LoupeException;
import org.loupe.api.ModelTrainer;
import org.loupe.api.ProviderKind;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderRegistry;

/**
 * Chooses a trainer, the dataset folder, the model folder to write and the training settings, validated as on the
 * command line ({@code loupe train}).
 */
public final class TrainDialog extends ProviderDialog<ModelTrainer> {

    private Text dataset;
    private Text output;
    private Button resume;
    private Path datasetPath;
    private Path outputPath;
    private boolean resumeChosen;

    /** A dialog offering the healthy trainers. */
    public TrainDialog(Shell shell, ProviderRegistry registry) {
        super(shell, registry, ModelTrainer.class, registry.providers(ProviderKind.TRAINER).stream()
                .filter(s -> s.health() != Health.FAULTY).toList());
    }

    /** The dataset, after OK. */
    public Path dataset() {
        return datasetPath;
    }

    /** The model folder to write, after OK. */
    public Path output() {
        return outputPath;
    }

    /** Whether to continue from the last checkpoint, after OK. */
    public boolean resume() {
        return resumeChosen;
    }

    @Override
    String title() {
        return "Train model";
    }

    @Override
    String noChoice() {
        return "No trainer is installed";
    }

    @Override
    int columns() {
        return 3;
    }

    @Override
    void addFields(Composite body) {
        dataset = folder(body, "Dataset folder");
        output = folder(body, "Model folder");
        resume = new Button(body, SWT.CHECK);
        resume.setText("Resume from the last checkpoint");
        GridDataFactory.fillDefaults().span(3, 1).applyTo(resume);
    }

    private Text folder(Composite body, String label) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setText(label);
            String chosen = d.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        return text;
    }

    @Override
    void accept() throws LoupeException {
        if (dataset.getText().isBlank() || output.getText().isBlank()) {
            throw LoupeException.usage("choose the dataset folder and the model folder");
        }
        datasetPath = Path.of(dataset.getText().trim());
        outputPath = Path.of(output.getText().trim());
        resumeChosen = resume.getSelection();
    }
}
