package org.loupe.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;

/**
 * Everything known about a provider without running it: the {@link LoupeProvider} declaration plus where it comes
 * from (bundle) and its service ranking.
 *
 * @param id            stable unique id
 * @param kind          provider family
 * @param name          display name
 * @param version       algorithm or model version
 * @param description   one sentence
 * @param inputTypes    accepted image types; empty means any
 * @param accelerator   what it computes on
 * @param bundle        symbolic name of the bundle providing it; empty outside OSGi
 * @param bundleVersion version of that bundle; empty outside OSGi
 * @param ranking       service ranking, higher is preferred
 * @param model         version of the shipped model(s); empty for providers without one
 */
public record ProviderDescriptor(String id, ProviderKind kind, String name, String version, String description,
        List<ImageType> inputTypes, Accelerator accelerator, String bundle, String bundleVersion, int ranking,
        String model) {

    /** Service property holding the provider id. */
    public static final String ID = LoupeProvider.PREFIX_ + "id";
    /** Service property holding the display name. */
    public static final String NAME = LoupeProvider.PREFIX_ + "name";
    /** Service property holding the version. */
    public static final String VERSION = LoupeProvider.PREFIX_ + "version";
    /** Service property holding the description. */
    public static final String DESCRIPTION = LoupeProvider.PREFIX_ + "description";
    /** Service property holding the accepted input types. */
    public static final String INPUT_TYPES = LoupeProvider.PREFIX_ + "inputTypes";
    /** Service property holding the accelerator. */
    public static final String ACCELERATOR = LoupeProvider.PREFIX_ + "accelerator";
    /** Service property holding the shipped model's version. */
    public static final String MODEL = LoupeProvider.PREFIX_ + "model";

    /** Copies the type list and checks the required fields. */
    public ProviderDescriptor {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("a provider needs an id and a version");
        }
        Objects.requireNonNull(kind, "kind");
        inputTypes = List.copyOf(inputTypes);
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        accelerator = accelerator == null ? Accelerator.NONE : accelerator;
        bundle = bundle == null ? "" : bundle;
        bundleVersion = bundleVersion == null ? "" : bundleVersion;
        model = model == null ? "" : model;
    }

    /**
     * Reads a descriptor from service properties, as DS publishes them from {@link LoupeProvider}.
     *
     * @throws IllegalArgumentException if the id or version is missing or an input type is malformed
     */
    public static ProviderDescriptor fromProperties(ProviderKind kind, Map<String, ?> props, String bundle,
            String bundleVersion) {
        Object ranking = props.get("service.ranking");
        Object accel = props.get(ACCELERATOR);
        return new ProviderDescriptor(string(props.get(ID)), kind, string(props.get(NAME)),
                string(props.get(VERSION)), string(props.get(DESCRIPTION)), types(props.get(INPUT_TYPES)),
                accel == null ? Accelerator.NONE : Accelerator.valueOf(accel.toString()), bundle, bundleVersion,
                ranking instanceof Integer r ? r : 0, string(props.get(MODEL)));
    }

    /**
     * Reads the descriptor a provider class declares with {@link LoupeProvider}.
     *
     * @throws IllegalArgumentException if the class has no such annotation or implements no provider contract
     */
    public static ProviderDescriptor declaredBy(Class<? extends LoupeService> type) {
        LoupeProvider p = type.getAnnotation(LoupeProvider.class);
        if (p == null) {
            throw new IllegalArgumentException(type.getName() + " has no @LoupeProvider declaration");
        }
        ProviderKind kind = Arrays.stream(ProviderKind.values()).filter(k -> k.serviceType().isAssignableFrom(type))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(type.getName() + " is no provider"));
        return new ProviderDescriptor(p.id(), kind, p.name(), p.version(), p.description(), types(p.inputTypes()),
                p.accelerator(), "", "", 0, p.model());
    }

    /**
     * The version to record in an output's provenance when it was made with a model: the provider's version and the
     * model's id and version, so the output names the weights that made it, shipped or the user's.
     */
    public String versionWithModel(String modelId, String modelVersion) {
        return version + " (model " + modelId + " " + modelVersion + ")";
    }

    /** Whether this provider accepts images of the given type. */
    public boolean accepts(ImageType type) {
        return inputTypes.isEmpty() || inputTypes.contains(type);
    }

    /**
     * Checks an input before a provider works on it.
     *
     * @throws LoupeException (INPUT) naming the image, its type and the accepted types
     */
    public void requireAccepted(PixelImage image) throws LoupeException {
        if (!accepts(image.type())) {
            String subject = image.metadata().name().isEmpty() ? "input image" : image.metadata().name();
            throw LoupeException.badInput(subject, id + " does not accept " + image.type() + " images (accepts "
                    + inputTypes.stream().map(ImageType::toString).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<ImageType> types(Object o) {
        if (o == null) {
            return List.of();
        }
        String[] texts = o instanceof String[] a ? a : new String[] {o.toString()};
        return Arrays.stream(texts).map(ImageType::parse).toList();
    }
}
