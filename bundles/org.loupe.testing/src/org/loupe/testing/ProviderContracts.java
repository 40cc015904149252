package org.loupe.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.loupe.api.LoupeService;
import org.loupe.api.ProviderDescriptor;
import org.loupe.api.ProviderKind;
import org.loupe.image.ImageType;

/** Checks every provider contract shares: how a provider declares itself. */
final class ProviderContracts {

    private ProviderContracts() {
    }

    /** The provider's declaration, checked: kind, dotted id, semantic version, name and description. */
    static ProviderDescriptor declared(LoupeService provider, ProviderKind kind) {
        ProviderDescriptor d = ProviderDescriptor.declaredBy(provider.getClass());
        assertEquals(kind, d.kind());
        assertTrue(d.id().matches("[a-z0-9]+(\\.[a-z0-9-]+)+"), "id should be dotted lower case: " + d.id());
        assertTrue(d.version().matches("\\d+\\.\\d+\\.\\d+.*"), "version should be major.minor.micro: " + d.version());
        assertFalse(d.name().equals(d.id()), "needs a display name");
        assertFalse(d.description().isBlank(), "needs a description");
        return d;
    }

    /** An image type the provider does not accept, if there is one. */
    static Optional<ImageType> unaccepted(ProviderDescriptor d) {
        return SyntheticImages.ALL_TYPES.stream().filter(t -> !d.accepts(t)).findFirst();
    }
}
