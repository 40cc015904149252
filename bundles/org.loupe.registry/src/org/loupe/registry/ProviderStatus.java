package org.loupe.registry;

import org.loupe.api.ProviderDescriptor;

/**
 * A provider's descriptor with its current health, as listed by {@code ./loupe plugins} and the Plugins view.
 *
 * @param descriptor what the provider declares
 * @param health     whether it can be used
 * @param failure    why it is faulty; empty otherwise
 */
public record ProviderStatus(ProviderDescriptor descriptor, Health health, String failure) {
}
