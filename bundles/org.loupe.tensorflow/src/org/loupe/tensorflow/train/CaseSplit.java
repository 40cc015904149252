package org.loupe.tensorflow.train;

import java.util.ArrayList;
import java.util.List;
import org.loupe.api.LoupeException;

/**
 * The split of a trainer's cases into training and validation by case, never by sample: every fifth case in the
 * given order is held out. Samples of one case look alike (the slices of one liver, the candidates of one lesion),
 * and a validation figure from samples whose neighbours were trained on would flatter the model.
 *
 * @param training   the other four in five
 * @param validation cases 5, 10, 15, ...
 */
public record CaseSplit<T>(List<T> training, List<T> validation) {

    /** Copies the lists. */
    public CaseSplit {
        training = List.copyOf(training);
        validation = List.copyOf(validation);
    }

    /**
     * Holds every fifth of {@code cases} out.
     *
     * @param source what the cases came from, named in the error
     * @throws LoupeException INPUT for fewer than five cases
     */
    public static <T> CaseSplit<T> everyFifth(List<T> cases, String source) throws LoupeException {
        List<T> training = new ArrayList<>();
        List<T> validation = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            (i % 5 == 4 ? validation : training).add(cases.get(i));
        }
        if (validation.isEmpty()) {
            throw LoupeException.badInput(source, "holds " + cases.size() + " cases; training holds every fifth out "
                    + "for validation, so it needs at least 5");
        }
        return new CaseSplit<>(training, validation);
    }
}
