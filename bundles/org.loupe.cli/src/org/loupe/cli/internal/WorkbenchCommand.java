package org.loupe.cli.internal;

import java.util.concurrent.Callable;
import org.loupe.api.LoupeException;
import picocli.CommandLine.Command;

/**
 * Listed so that {@code ./loupe --help} shows the workbench; the launcher script starts the graphical application
 * itself, so reaching this command means the headless application was started directly.
 */
@Command(name = "workbench", description = "Open the graphical workbench (plugins, image viewer, enhancers).")
final class WorkbenchCommand implements Callable<Integer> {

    @Override
    public Integer call() throws LoupeException {
        throw LoupeException.usage("the workbench is a separate application: start it with './loupe workbench'");
    }
}
