package org.loupe.ui.app;

import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
 * keeps answering while it runs, cancels the job as the Cancel button does, and checks that the job ends cancelled
 * and the earlier result stays. Then the same with an enhancer that ignores the request: the document lets go of the
 * job, takes new work (the median again), and drops the late result when the stuck provider finally returns.
 */
final class HangSelfTest {

    private static final String ID = "selftest.hangs";
    private static final String DEAF = "selftest.ignores-cancel";
    /** Holds the deaf enhancer until the phase ends. */
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

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
        Hashtable<String, Object> deafProps = new Hashtable<>(props);
        deafProps.put("loupe.id", DEAF);
        ServiceRegistration<ImageEnhancer> deaf = FrameworkUtil.getBundle(HangSelfTest.class).getBundleContext()
                .registerService(ImageEnhancer.class, HangSelfTest::ignoreCancel, deafProps);
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
            long letGo = letGoOfADeafProvider(registry, document, display, window);
            System.out.println("LOUPE-SELFTEST HANG OK running=" + running + " worstUiMs=" + worst
                    + " cancelledMs=" + cancelled + " deafLetGoMs=" + letGo + " lateResultDropped=true");
        } finally {
            RELEASE.countDown();
            registration.unregister();
            deaf.unregister();
        }
    }

    /** Cancels an enhancer that ignores the request; returns how long the document took to let go of it. */
    private static long letGoOfADeafProvider(ProviderRegistry registry, ImageDocument document, Display display,
            Supplier<Shell> window) throws Exception {
        SelfTest.await(() -> registry.providers().stream().anyMatch(p -> p.descriptor().id().equals(DEAF)),
                "the deaf enhancer was not registered");
        ProviderHandle<ImageEnhancer> handle = registry.provider(DEAF, ImageEnhancer.class);
        PixelImage before = document.result();
        document.run(handle, Parameters.defaults(handle.call(LoupeService::parameters)));
        Thread.sleep(500);
        long c0 = System.nanoTime();
        display.syncExec(document::cancel);
        SelfTest.await(() -> !document.isBusy(), "the document kept a job whose provider ignores Cancel");
        long letGo = (System.nanoTime() - c0) / 1_000_000;
        display.syncExec(() -> window.get().redraw());
        ProviderHandle<ImageEnhancer> median = registry.provider("enhance.median", ImageEnhancer.class);
        SelfTest.join(document.run(median, Parameters.defaults(median.call(LoupeService::parameters))));
        SelfTest.await(() -> document.result() != before, "the document took no new work after letting go");
        PixelImage fresh = document.result();
        RELEASE.countDown();
        Thread.sleep(1000);
        if (document.result() != fresh) {
            throw new IllegalStateException("the let-go provider's late result replaced the new one");
        }
        return letGo;
    }

    /** Returns only when the phase ends, whatever it is asked: a provider stuck in native code behaves so. */
    private static PixelImage ignoreCancel(PixelImage input, org.loupe.api.ProcessingContext ctx) {
        while (RELEASE.getCount() > 0) {
            try {
                RELEASE.await();
            } catch (InterruptedException e) {
                // ignored on purpose: this provider is the worst case
            }
        }
        return input.copy();
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
