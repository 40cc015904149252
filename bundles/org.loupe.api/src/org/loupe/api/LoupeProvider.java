package org.loupe.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares what a provider is, once, next to its {@code @Component}. The DS build turns the elements into service
 * properties ({@code loupe.id}, {@code loupe.version}, ...), so registries and user interfaces list providers without
 * activating them; the provider itself reads the same annotation at run time to check its inputs.
 *
 * <pre>
 * &#64;Component(service = ImageEnhancer.class)
 * &#64;LoupeProvider(id = "enhance.median", name = "Median filter", version = "1.0.0",
 *                inputTypes = {"GRAY:UINT8:1", "GRAY:UINT16:1"})
 * public final class MedianEnhancer implements ImageEnhancer { ... }
 * </pre>
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LoupeProvider {

    /** Prefix of every service property this annotation produces. */
    String PREFIX_ = "loupe.";

    /** Stable unique id, e.g. "enhance.median"; scripts and result files refer to it. */
    String id();

    /** Display name. */
    String name();

    /** Algorithm or model version; changes whenever outputs can change (e.g. retrained weights). */
    String version();

    /** Accepted image types in {@link org.loupe.image.ImageType} string form; empty means any type. */
    String[] inputTypes() default {};

    /** What the provider computes on. */
    Accelerator accelerator() default Accelerator.NONE;

    /** One sentence saying what the provider does. */
    String description() default "";

    /**
     * The version of the model(s) the provider ships, as their files record it (for several, {@code id version}
     * pairs joined by ", "); empty for providers without a model. A test of each learned provider compares this with
     * the shipped files, so a retrained model cannot ship under the old declaration.
     */
    String model() default "";
}
