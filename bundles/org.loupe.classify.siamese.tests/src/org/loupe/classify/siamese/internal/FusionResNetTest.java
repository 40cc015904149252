package org.loupe.classify.siamese.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.testing.ShippedModelDeclaration;

/** The backbone variants the ablations compare build, and dropping a fusion scale narrows the fused features. */
class FusionResNetTest {

    private static final boolean[] ALL = {true, true, true, true};

    private static long weights(FusionResNet net) {
        Map<String, float[]> w = net.initialWeights(1, 1);
        return w.values().stream().mapToLong(v -> v.length).sum();
    }

    @Test
    void deeperBackbonesHaveMoreWeights() {
        long r18 = weights(new FusionResNet(18, 4, 8, ALL));
        long r34 = weights(new FusionResNet(34, 4, 8, ALL));
        long r50 = weights(new FusionResNet(50, 4, 8, ALL));
        assertTrue(r18 < r34 && r34 < r50, r18 + " " + r34 + " " + r50);
    }

    @Test
    void droppingAScaleRemovesItsChannelsFromTheFirstFullyConnectedLayer() {
        Map<String, float[]> all = new FusionResNet(18, 4, 8, ALL).initialWeights(1, 1);
        Map<String, float[]> without = new FusionResNet(18, 4, 8, new boolean[] {true, true, false, true})
                .initialWeights(1, 1);
        // stage 3 of a width-4 ResNet-18 has 16 channels
        assertEquals(all.get("fc1/kernel").length - 16 * FusionResNet.HIDDEN, without.get("fc1/kernel").length);
    }

    @Test
    void refusesOtherDepths() {
        assertThrows(IllegalArgumentException.class, () -> new FusionResNet(101, 4, 8, ALL));
    }

    @Test
    void theDeclaredModelVersionIsTheShippedOne() throws Exception {
        ShippedModelDeclaration.assertDeclared(SiameseClassifier.class, "/models/siamese/loupe-model.json");
    }
}
