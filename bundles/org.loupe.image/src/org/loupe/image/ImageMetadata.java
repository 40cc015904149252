package org.loupe.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable facts about an image that are not pixels: where it came from, its calibration, acquisition properties and
 * which providers produced it. Create with {@link #builder()}; change with {@link #toBuilder()}.
 */
public final class ImageMetadata {

    /** Metadata with nothing in it. */
    public static final ImageMetadata EMPTY = builder().build();

    private final String name;
    private final String source;
    private final Calibration calibration;
    private final int significantBits;
    private final Map<String, String> properties;
    private final List<String> provenance;

    private ImageMetadata(Builder b) {
        this.name = b.name;
        this.source = b.source;
        this.calibration = b.calibration;
        this.significantBits = b.significantBits;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.provenance = List.copyOf(b.provenance);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this metadata's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.source = source;
        b.calibration = calibration;
        b.significantBits = significantBits;
        b.properties.putAll(properties);
        b.provenance.addAll(provenance);
        return b;
    }

    /** A short display name, usually the file name; empty if unknown. */
    public String name() {
        return name;
    }

    /** How messages name the image: where it was read from, else its name, else {@code fallback}. */
    public String label(String fallback) {
        String n = source == null || source.isBlank() ? name : source;
        return n == null || n.isBlank() ? fallback : n;
    }

    /** Where the pixels were read from (a path or URI); empty if made in memory. */
    public String source() {
        return source;
    }

    /** Physical pixel size. */
    public Calibration calibration() {
        return calibration;
    }

    /** Bits actually used per sample (e.g. 12 in a 16-bit container); 0 when the full storage type is used. */
    public int significantBits() {
        return significantBits;
    }

    /** Acquisition and free-form properties in insertion order (e.g. tube voltage, exposure). */
    public Map<String, String> properties() {
        return properties;
    }

    /** One property, if present. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** The processing steps that produced the image, oldest first, each as {@code id@version}. */
    public List<String> provenance() {
        return provenance;
    }

    /** This metadata with one more processing step appended. */
    public ImageMetadata withStep(String providerId, String version) {
        return toBuilder().addStep(providerId + "@" + version).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageMetadata m && name.equals(m.name) && source.equals(m.source)
                && calibration.equals(m.calibration) && significantBits == m.significantBits
                && properties.equals(m.properties) && provenance.equals(m.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, source, calibration, significantBits, properties, provenance);
    }

    @Override
    public String toString() {
        return "ImageMetadata[name=" + name + ", source=" + source + ", calibration=" + calibration
                + ", significantBits=" + significantBits + ", properties=" + properties + ", provenance=" + provenance + "]";
    }

    /** Collects values for an {@link ImageMetadata}; not thread-safe. */
    public static final class Builder {
        private String name = "";
        private String source = "";
        private Calibration calibration = Calibration.NONE;
        private int significantBits;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> provenance = new ArrayList<>();

        private Builder() {
        }

        /** Sets the display name. */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /** Sets the source path or URI. */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /** Sets the physical pixel size. */
        public Builder calibration(Calibration value) {
            this.calibration = Objects.requireNonNull(value, "calibration");
            return this;
        }

        /** Sets the bits used per sample; 0 means all bits of the storage type. */
        public Builder significantBits(int value) {
            if (value < 0 || value > 32) {
                throw new IllegalArgumentException("significant bits out of range: " + value);
            }
            this.significantBits = value;
            return this;
        }

        /** Sets one property, replacing an earlier value. */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends a processing step, {@code id@version}. */
        public Builder addStep(String step) {
            provenance.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** The immutable metadata. */
        public ImageMetadata build() {
            return new ImageMetadata(this);
        }
    }
}
