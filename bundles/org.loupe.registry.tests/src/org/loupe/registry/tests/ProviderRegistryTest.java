package org.loupe.registry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loupe.api.ComputeBackend;
import org.loupe.api.ComputeDevice;
import org.loupe.api.DefectDetector;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.ModelTrainer;
import org.loupe.api.ProviderKind;
import org.loupe.image.GrayU8;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;
import org.loupe.testing.OsgiServices;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

class ProviderRegistryTest {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ProviderRegistry registry;
    private BundleContext ctx;

    @BeforeEach
    void findRegistry() {
        registry = OsgiServices.await(ProviderRegistry.class);
        ctx = FrameworkUtil.getBundle(getClass()).getBundleContext();
    }

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    private <T> ServiceRegistration<T> keep(ServiceRegistration<T> r) {
        registrations.add(r);
        return r;
    }

    private Optional<ProviderStatus> status(String id) {
        return registry.providers().stream().filter(s -> s.descriptor().id().equals(id)).findFirst();
    }

    private static PixelImage image() {
        return GrayU8.create(4, 4);
    }

    @Test
    void listsProvidersWithoutActivatingThem() {
        AtomicInteger activations = new AtomicInteger();
        keep(TestProviders.register(ctx, TestProviders.properties("test.lazy", 0, "GRAY:UINT8:1"), activations,
                in -> in));
        ProviderStatus s = status("test.lazy").orElseThrow();
        assertEquals(Health.READY, s.health());
        assertEquals("org.loupe.registry.tests", s.descriptor().bundle());
        assertEquals(List.of(ImageType.GRAY_U8), s.descriptor().inputTypes());
        assertEquals(0, activations.get(), "listing must not activate the provider");
    }

    @Test
    void activatesOnFirstCallOnly() throws LoupeException {
        AtomicInteger activations = new AtomicInteger();
        keep(TestProviders.register(ctx, TestProviders.properties("test.once", 0), activations, in -> in));
        ProviderHandle<ImageEnhancer> h = registry.provider("test.once", ImageEnhancer.class);
        h.call(e -> e.enhance(image(), null));
        h.call(e -> e.enhance(image(), null));
        assertEquals(1, activations.get());
        assertEquals(Health.ACTIVE, status("test.once").orElseThrow().health());
    }

    @Test
    void aProviderThatThrowsOnEveryCallIsMarkedFaultyAndTheOthersKeepWorking() throws LoupeException {
        keep(TestProviders.register(ctx, TestProviders.properties("test.faulty", 0), new AtomicInteger(), in -> {
            throw new NullPointerException("weights not loaded");
        }));
        keep(TestProviders.register(ctx, TestProviders.properties("test.healthy", 0), new AtomicInteger(), in -> in));

        for (int i = 0; i < 3; i++) {
            LoupeException e = assertThrows(LoupeException.class,
                    () -> registry.provider("test.faulty", ImageEnhancer.class).call(x -> x.enhance(image(), null)));
            assertEquals(LoupeException.Reason.PROVIDER, e.reason());
            assertEquals("provider 'test.faulty' failed: NullPointerException: weights not loaded", e.getMessage());
        }
        assertEquals(Health.FAULTY, status("test.faulty").orElseThrow().health());

        LoupeException again = assertThrows(LoupeException.class,
                () -> registry.provider("test.faulty", ImageEnhancer.class).call(x -> x.enhance(image(), null)));
        assertTrue(again.getMessage().contains("is faulty and was disabled"), again.getMessage());

        PixelImage in = image();
        assertSame(in, registry.provider("test.healthy", ImageEnhancer.class).call(x -> x.enhance(in, null)));
        assertEquals(Health.ACTIVE, status("test.healthy").orElseThrow().health());
    }

    @Test
    void aProviderThatThrowsOnOneInputKeepsServingTheOthers() throws LoupeException {
        keep(TestProviders.register(ctx, TestProviders.properties("test.picky", 0), new AtomicInteger(), in -> {
            if (in.width() == 17) {
                throw new IllegalStateException("odd widths trip a bug");
            }
            return in;
        }));
        ProviderHandle<ImageEnhancer> h = registry.provider("test.picky", ImageEnhancer.class);
        PixelImage odd = PixelImage.create(ImageType.GRAY_U8, 17, 4);
        for (int round = 0; round < 5; round++) {
            assertThrows(LoupeException.class, () -> h.call(x -> x.enhance(odd, null)));
            PixelImage in = image();
            assertSame(in, h.call(x -> x.enhance(in, null)));
        }
        assertEquals(Health.ACTIVE, status("test.picky").orElseThrow().health());
    }

    @Test
    void aLinkageErrorIsIsolatedToo() {
        keep(TestProviders.register(ctx, TestProviders.properties("test.linkage", 0), new AtomicInteger(), in -> {
            throw new NoClassDefFoundError("org/example/MissingNative");
        }));
        LoupeException e = assertThrows(LoupeException.class,
                () -> registry.provider("test.linkage", ImageEnhancer.class).call(x -> x.enhance(image(), null)));
        assertEquals(LoupeException.Reason.PROVIDER, e.reason());
        assertEquals(Health.FAULTY, status("test.linkage").orElseThrow().health());
    }

    @Test
    void aProviderThatCannotBeActivatedIsFaulty() {
        keep(TestProviders.registerUnactivatable(ctx, TestProviders.properties("test.broken", 0)));
        LoupeException e = assertThrows(LoupeException.class,
                () -> registry.provider("test.broken", ImageEnhancer.class).call(x -> x.enhance(image(), null)));
        assertEquals(LoupeException.Reason.PROVIDER, e.reason());
        assertTrue(e.getMessage().startsWith("provider 'test.broken' could not be activated"), e.getMessage());
        assertEquals(Health.FAULTY, status("test.broken").orElseThrow().health());
    }

    @Test
    void theProvidersOwnInputErrorsPassThroughWithoutMarkingItFaulty() {
        keep(TestProviders.register(ctx, TestProviders.properties("test.picky", 0), new AtomicInteger(), in -> {
            throw LoupeException.badInput("scan.tif", "too dark");
        }));
        LoupeException e = assertThrows(LoupeException.class,
                () -> registry.provider("test.picky", ImageEnhancer.class).call(x -> x.enhance(image(), null)));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertEquals(Health.ACTIVE, status("test.picky").orElseThrow().health());
    }

    @Test
    void anUnknownIdIsAProviderErrorListingTheKnownOnes() {
        keep(TestProviders.register(ctx, TestProviders.properties("test.known", 0), new AtomicInteger(), in -> in));
        LoupeException e = assertThrows(LoupeException.class,
                () -> registry.provider("test.nonexistent", ImageEnhancer.class));
        assertEquals(LoupeException.Reason.PROVIDER, e.reason());
        assertTrue(e.getMessage().startsWith("provider 'test.nonexistent' is not installed (enhancers: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("test.known"), e.getMessage());
    }

    @Test
    void askingForTheWrongKindIsAProviderError() {
        keep(TestProviders.register(ctx, TestProviders.properties("test.kind", 0), new AtomicInteger(), in -> in));
        LoupeException e = assertThrows(LoupeException.class,
                () -> registry.provider("test.kind", DefectDetector.class));
        assertEquals("provider 'test.kind' is an enhancer, not a detector",
                e.getMessage());
    }

    @Test
    void theHighestRankingProviderOfAnIdWins() throws LoupeException {
        keep(TestProviders.register(ctx, TestProviders.properties("test.ranked", 1), new AtomicInteger(), in -> in));
        keep(TestProviders.register(ctx, TestProviders.properties("test.ranked", 7), new AtomicInteger(), in -> in));
        keep(TestProviders.register(ctx, TestProviders.properties("test.ranked", 3), new AtomicInteger(), in -> in));
        assertEquals(7, registry.provider("test.ranked", ImageEnhancer.class).descriptor().ranking());
        assertEquals(3, registry.providers().stream().filter(s -> s.descriptor().id().equals("test.ranked")).count());
    }

    @Test
    void bestPicksTheHighestRankingHealthyProviderForTheImageType() {
        keep(TestProviders.register(ctx, TestProviders.properties("test.best.u8", 500, "GRAY:UINT8:1"),
                new AtomicInteger(), in -> in));
        keep(TestProviders.register(ctx, TestProviders.properties("test.best.u16", 600, "GRAY:UINT16:1"),
                new AtomicInteger(), in -> in));
        assertEquals("test.best.u8",
                registry.best(ImageEnhancer.class, ImageType.GRAY_U8).orElseThrow().descriptor().id());
        assertEquals("test.best.u16",
                registry.best(ImageEnhancer.class, ImageType.GRAY_U16).orElseThrow().descriptor().id());
    }

    @Test
    void providersThatGoAwayAreForgottenAndListenersHear() {
        AtomicInteger changes = new AtomicInteger();
        Runnable listener = changes::incrementAndGet;
        registry.addListener(listener);
        try {
            ServiceRegistration<ImageEnhancer> r = TestProviders.register(ctx, TestProviders.properties("test.gone", 0),
                    new AtomicInteger(), in -> in);
            assertTrue(status("test.gone").isPresent());
            r.unregister();
            assertFalse(status("test.gone").isPresent());
            assertEquals(2, changes.get());
        } finally {
            registry.removeListener(listener);
        }
    }

    @Test
    void aServiceWithoutAnIdIsIgnored() {
        var props = TestProviders.properties("test.noid", 0);
        props.remove("loupe.id");
        int before = registry.providers().size();
        keep(TestProviders.register(ctx, props, new AtomicInteger(), in -> in));
        assertEquals(before, registry.providers().size());
    }

    @Test
    void aTrainerAndTheEnhancerWhoseModelItTrainsMayShareAnId() throws LoupeException {
        keep(TestProviders.register(ctx, TestProviders.properties("test.shared", 0), new AtomicInteger(), in -> in));
        ModelTrainer trainer = (request, c) -> {
            throw LoupeException.usage("not used");
        };
        keep(ctx.registerService(ModelTrainer.class, trainer, TestProviders.properties("test.shared", 0)));
        assertEquals(ProviderKind.TRAINER, registry.provider("test.shared", ModelTrainer.class).descriptor().kind());
        assertEquals(ProviderKind.ENHANCER, registry.provider("test.shared", ImageEnhancer.class).descriptor().kind());
        assertEquals(2, registry.providers().stream().filter(s -> s.descriptor().id().equals("test.shared")).count());
    }

    @Test
    void computeBackendsAreListedWhileTheyAreRegistered() {
        ComputeBackend backend = () -> List.of(new ComputeDevice("/device:CPU:0", "CPU", "host processor", 0));
        ServiceRegistration<ComputeBackend> r = ctx.registerService(ComputeBackend.class, backend, null);
        assertTrue(registry.backends().contains(backend));
        r.unregister();
        assertFalse(registry.backends().contains(backend));
    }
}
