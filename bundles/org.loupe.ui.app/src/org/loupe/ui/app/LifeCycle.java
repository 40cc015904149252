package org.loupe.ui.app;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;

/**
 * The workbench's life-cycle hook. Its only job is to start the scripted {@link SelfTest} once the workbench is up,
 * when the launcher asked for one.
 */
public final class LifeCycle {

    /** Arms the self-test if configured. */
    @PostContextCreate
    void postContextCreate(IEclipseContext context, IEventBroker broker) {
        SelfTest.fromSystemProperties().ifPresent(test ->
                broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> test.start(context)));
    }
}
