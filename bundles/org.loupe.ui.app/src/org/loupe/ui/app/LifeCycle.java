package org.loupe.ui.app;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.swt.widgets.Shell;
import org.loupe.ui.DocumentListener;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.UnsavedResult;
import org.loupe.ui.WorkbenchSettings;
import org.loupe.ui.handlers.PreferencesHandler;

/**
 * The workbench's life-cycle hook: once the workbench is up, it applies the saved preferences, keeps the recent files
 * as images are opened, makes closing the window ask about an unsaved result (as File > Quit does), and starts the
 * scripted {@link SelfTest} when the launcher asked for one.
 */
public final class LifeCycle {

    /** Guards the window's close and arms the self-test if configured. */
    @PostContextCreate
    void postContextCreate(IEclipseContext context, IEventBroker broker) {
        broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> {
            ImageDocument document = ContextInjectionFactory.make(ImageDocument.class, context);
            WorkbenchSettings settings = ContextInjectionFactory.make(WorkbenchSettings.class, context);
            PreferencesHandler.apply(settings, document);
            document.addListener(new DocumentListener() {
                @Override
                public void imageChanged() {
                    if (document.path() != null) {
                        settings.opened(document.path());
                    }
                }
            });
            for (MWindow w : context.get(MApplication.class).getChildren()) {
                w.getContext().set(IWindowCloseHandler.class, window -> UnsavedResult.confirmClose(
                        (Shell) window.getWidget(), document));
            }
        });
        SelfTest.fromSystemProperties().ifPresent(test ->
                broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> test.start(context)));
    }
}
