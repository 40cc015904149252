package org.loupe.ui.handlers;

import jakarta.inject.Named;
import java.util.stream.Collectors;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.ComputeBackend;
import org.loupe.api.ComputeSettings;
import org.loupe.api.LoupeBuild;
import org.loupe.registry.ProviderRegistry;

/** Help > About Loupe: the version, Java, the system, the compute backends and their devices, the providers. */
public final class AboutHandler {

    /** Shows what this installation is. */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ProviderRegistry registry) {
        String compute = registry.backends().isEmpty() ? "plain Java (no TensorFlow installed)"
                : registry.backends().stream().map(ComputeBackend::summary).collect(Collectors.joining("; "));
        MessageDialog.openInformation(shell, "About Loupe", "Loupe " + LoupeBuild.version()
                + "\nImage-based inspection for X-ray, optical and CT images\n\nJava " + System.getProperty(
                        "java.version") + " (" + System.getProperty("java.vendor") + ") on " + System.getProperty(
                                "os.name") + " " + System.getProperty("os.arch") + "\nCompute: " + compute
                + "\nLearned providers use " + ComputeSettings.describe() + " (File > Preferences)\n"
                + registry.providers().size() + " providers installed (the Plugins view lists them)");
    }
}
