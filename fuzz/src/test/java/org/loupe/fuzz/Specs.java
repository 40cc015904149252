package org.loupe.fuzz;

import java.util.List;
import org.loupe.api.ParameterSpec;

/** Parameters of every type a provider can declare, the set the parameter and pipeline targets bind against. */
final class Specs {

    static final List<ParameterSpec> ALL = List.of(
            ParameterSpec.integer("size", 3, 1, 15, 2, "an odd window"),
            ParameterSpec.real("sigma", 1.5, 0, 100, "a width"),
            ParameterSpec.bool("fast", false, "a switch"),
            ParameterSpec.choice("border", List.of("mirror", "clamp", "zero"), "a choice"),
            ParameterSpec.text("model", "", "a folder"));

    private Specs() {
    }
}
