package org.loupe.registry.internal;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.loupe.api.ComputeBackend;
import org.loupe.api.DefectClassifier;
import org.loupe.api.DefectDetector;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.ImageMetric;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ModelTrainer;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.api.Segmenter;
import org.loupe.image.ImageType;
import org.loupe.registry.Health;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.registry.ProviderStatus;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The registry as a DS component: it binds every provider service as {@link ComponentServiceObjects}, which carry the
 * service properties but activate nothing until a service object is requested.
 */
@Component(service = ProviderRegistry.class)
public final class DsProviderRegistry implements ProviderRegistry {

    private static final System.Logger LOG = System.getLogger("org.loupe.registry");
    private static final Comparator<Entry<?>> ORDER = Comparator
            .comparing((Entry<?> e) -> e.descriptor().kind())
            .thenComparing(e -> e.descriptor().id())
            .thenComparing(Entry::reference, Comparator.reverseOrder());

    private final Map<ServiceReference<?>, Entry<?>> entries = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<ComputeBackend> backends = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime runtime;

    @Reference(service = ImageEnhancer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeEnhancer")
    void addEnhancer(ComponentServiceObjects<ImageEnhancer> objects) {
        add(ProviderKind.ENHANCER, objects);
    }

    void removeEnhancer(ComponentServiceObjects<ImageEnhancer> objects) {
        remove(objects);
    }

    @Reference(service = DefectDetector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeDetector")
    void addDetector(ComponentServiceObjects<DefectDetector> objects) {
        add(ProviderKind.DETECTOR, objects);
    }

    void removeDetector(ComponentServiceObjects<DefectDetector> objects) {
        remove(objects);
    }

    @Reference(service = DefectClassifier.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeClassifier")
    void addClassifier(ComponentServiceObjects<DefectClassifier> objects) {
        add(ProviderKind.CLASSIFIER, objects);
    }

    void removeClassifier(ComponentServiceObjects<DefectClassifier> objects) {
        remove(objects);
    }

    @Reference(service = Segmenter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeSegmenter")
    void addSegmenter(ComponentServiceObjects<Segmenter> objects) {
        add(ProviderKind.SEGMENTER, objects);
    }

    void removeSegmenter(ComponentServiceObjects<Segmenter> objects) {
        remove(objects);
    }

    @Reference(service = ImageMetric.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeMetric")
    void addMetric(ComponentServiceObjects<ImageMetric> objects) {
        add(ProviderKind.METRIC, objects);
    }

    void removeMetric(ComponentServiceObjects<ImageMetric> objects) {
        remove(objects);
    }

    @Reference(service = ModelTrainer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeTrainer")
    void addTrainer(ComponentServiceObjects<ModelTrainer> objects) {
        add(ProviderKind.TRAINER, objects);
    }

    void removeTrainer(ComponentServiceObjects<ModelTrainer> objects) {
        remove(objects);
    }

    @Reference(service = ComputeBackend.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeBackend")
    void addBackend(ComputeBackend backend) {
        backends.add(backend);
        changed();
    }

    void removeBackend(ComputeBackend backend) {
        backends.remove(backend);
        changed();
    }

    @Override
    public List<ComputeBackend> backends() {
        return List.copyOf(backends);
    }

    private <S extends LoupeService> void add(ProviderKind kind, ComponentServiceObjects<S> objects) {
        ServiceReference<S> ref = objects.getServiceReference();
        ProviderDescriptor descriptor;
        try {
            descriptor = ProviderDescriptor.fromProperties(kind, properties(ref), ref.getBundle().getSymbolicName(),
                    ref.getBundle().getVersion().toString());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring " + withArticle(kind.label()) + " service from bundle "
                    + ref.getBundle().getSymbolicName() + " with invalid @LoupeProvider properties: " + e.getMessage());
            return;
        }
        entries.put(ref, new Entry<>(descriptor, objects, this::changed, this::activationFailure));
        changed();
    }

    private void remove(ComponentServiceObjects<?> objects) {
        Entry<?> e = entries.remove(objects.getServiceReference());
        if (e != null) {
            e.release();
            changed();
        }
    }

    @Override
    public List<ProviderStatus> providers() {
        return sorted(entries.values().stream()).map(Entry::status).toList();
    }

    @Override
    public List<ProviderStatus> providers(ProviderKind kind) {
        return sorted(entries.values().stream().filter(e -> e.descriptor().kind() == kind)).map(Entry::status)
                .toList();
    }

    @Override
    public <S extends LoupeService> ProviderHandle<S> provider(String id, Class<S> contract) throws LoupeException {
        ProviderKind kind = kindOf(contract);
        // an id may be shared across kinds (a trainer and the enhancer whose model it trains)
        List<Entry<?>> withId = sorted(entries.values().stream().filter(e -> e.descriptor().id().equals(id)))
                .sorted(Comparator.comparing((Entry<?> e) -> e.descriptor().kind() != kind)).toList();
        if (withId.isEmpty()) {
            String known = providers(kindOf(contract)).stream().map(s -> s.descriptor().id()).distinct()
                    .collect(Collectors.joining(", "));
            throw LoupeException.provider(id, "is not installed (" + kindOf(contract).label() + "s: "
                    + (known.isEmpty() ? "none" : known) + ")", null);
        }
        Entry<?> e = withId.get(0);
        if (e.descriptor().kind().serviceType() != contract) {
            throw LoupeException.provider(id, "is " + withArticle(e.descriptor().kind().label()) + ", not "
                    + withArticle(kindOf(contract).label()), null);
        }
        @SuppressWarnings("unchecked") // the kind check above proves the contract
        ProviderHandle<S> handle = (ProviderHandle<S>) e;
        return handle;
    }

    @Override
    public <S extends LoupeService> Optional<ProviderHandle<S>> best(Class<S> contract, ImageType input) {
        ProviderKind kind = kindOf(contract);
        @SuppressWarnings("unchecked") // entries of this kind were bound under this contract
        Optional<ProviderHandle<S>> best = sorted(entries.values().stream())
                .filter(e -> e.descriptor().kind() == kind && e.descriptor().accepts(input)
                        && e.health() != Health.FAULTY)
                .max(Comparator.comparing(Entry::reference)).map(e -> (ProviderHandle<S>) e);
        return best;
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A registry listener failed", e);
            }
        }
    }

    private String activationFailure(ServiceReference<?> ref) {
        ServiceComponentRuntime scr = runtime;
        Object name = ref.getProperty("component.name");
        if (scr == null || name == null) {
            return "";
        }
        var description = scr.getComponentDescriptionDTO(ref.getBundle(), name.toString());
        if (description == null) {
            return "";
        }
        return scr.getComponentConfigurationDTOs(description).stream()
                .map(c -> c.failure).filter(f -> f != null && !f.isBlank())
                .map(f -> f.lines().findFirst().orElse("")).findFirst().orElse("");
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static Stream<Entry<?>> sorted(Stream<Entry<?>> s) {
        return s.sorted(ORDER);
    }

    private static ProviderKind kindOf(Class<? extends LoupeService> contract) {
        return Arrays.stream(ProviderKind.values()).filter(k -> k.serviceType() == contract).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(contract.getName() + " is no provider contract"));
    }

    private static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> props = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            props.put(key, ref.getProperty(key));
        }
        return props;
    }
}
