package org.loupe.ui.app;

import java.util.Hashtable;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.image.PixelImage;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The self-test's runaway-provider phase: registers an enhancer that never finishes by itself (it only heeds the
 * request to stop), runs it on the open image through the document's own job as Ctrl+R does, checks that the window
 * keeps answering while it runs, cancels the job as the Cancel button does, and checks that the job ends cancelled,
 * the earlier result stays and the document takes new work.
 */
final class HangSelfTest {

    private static final String ID = "selftest.hangs";

    static Optional<HangSelfTest> fromSystemProperties() {
        return Boolean.getBoolean("loupe.selftest.hang") ? Optional.of(new HangSelfTest()) : Optional.empty();
    }

    void run(IEclipseContext context, ImageDocument document, Supplier<Shell> window) throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("loupe.id", ID);
        props.put("loupe.version", "1.0.0");
        props.put("loupe.name", "Hangs until cancelled");
        ServiceRegistration<ImageEnhancer> registration = FrameworkUtil.getBundle(HangSelfTest.class)
                .getBundleContext().registerService(ImageEnhancer.class, HangSelfTest::hang, props);
        try {
            ProviderRegistry registry = context.get(ProviderRegistry.class);
            SelfTest.await(() -> registry.providers().stream().anyMatch(p -> p.descriptor().id().equals(ID)),
                    "the hanging enhancer was not registered");
            ProviderHandle<ImageEnhancer> handle = registry.provider(ID, ImageEnhancer.class);
            PixelImage before = document.result();
            Job job = document.run(handle, Parameters.defaults(handle.call(LoupeService::parameters)));
            Thread.sleep(1000);
            Display display = Display.getDefault();
            long worst = 0;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                display.syncExec(() -> window.get().redraw());
                worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(100);
            }
            boolean running = job.getState() == Job.RUNNING;
            long c0 = System.nanoTime();
            display.syncExec(document::cancel);
            SelfTest.join(job);
            long cancelled = (System.nanoTime() - c0) / 1_000_000;
            if (!running || job.getResult().getSeverity() != IStatus.CANCEL || document.result() != before
                    || document.isBusy()) {
                throw new IllegalStateException("the hanging job: running " + running + ", ended " + job.getResult()
                        + ", result kept " + (document.result() == before) + ", busy " + document.isBusy());
            }
            System.out.println("LOUPE-SELFTEST HANG OK running=" + running + " worstUiMs=" + worst
                    + " cancelledMs=" + cancelled);
        } finally {
            registration.unregister();
        }
    }

    /** Never returns an image: loops until asked to stop, as a provider stuck on an input would. */
    private static PixelImage hang(PixelImage input, org.loupe.api.ProcessingContext ctx) throws LoupeException {
        while (true) {
            ctx.checkCancelled();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LoupeException.cancelled();
            }
        }
    }
}
