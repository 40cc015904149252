package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** File name rules bind {name} from an input and name the files beside it. */
class NameRuleTest {

    @Test
    void theInputMatchBindsTheName() {
        NameRule rule = new NameRule("{name}_test.jpg");
        assertEquals(Optional.of("00041000"), rule.match(Path.of("/d/00041000_test.jpg")));
        assertEquals(Optional.empty(), rule.match(Path.of("/d/00041000_temp.jpg")));
        assertEquals(Optional.of("scan.v2"), NameRule.ANY_IMAGE.match(Path.of("scan.v2.tif")));
    }

    @Test
    void referencesResolveBesideTheInputWithEveryPlaceholder() {
        Path input = Path.of("/data/group1/13000/13000008_test.jpg");
        assertEquals(Path.of("/data/group1/13000/13000008_temp.jpg"), new NameRule("{name}_temp.jpg").resolve(input,
                "13000008"));
        assertEquals(Path.of("/data/group1/13000_not/13000008.txt"), new NameRule("../{dir}_not/{name}.txt")
                .resolve(input, "13000008"));
        assertEquals(Path.of("/data/group1/hq/13000008_test.png"), new NameRule("../hq/{stem}.png").resolve(input,
                "x"));
        assertEquals(Path.of("/data/group1/13000/13000008_test.jpg.jpg"), new NameRule("{file}.{ext}").resolve(
                input, "x"));
    }

    @Test
    void anUnknownPlaceholderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NameRule("{nmae}.png"));
    }
}
