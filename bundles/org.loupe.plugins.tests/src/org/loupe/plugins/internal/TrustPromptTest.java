package org.loupe.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustPromptTest {

    @Test
    void unsignedContentIsRefusedWithoutTrustAndNamed() {
        TrustPrompt prompt = new TrustPrompt(new TrustedSigners(), false);
        var info = prompt.getTrustInfo(null, List.of(), new String[] {"a.jar", "b.jar"});
        assertTrue(!info.trustUnsignedContent());
        assertEquals(List.of("unsigned: a.jar and 1 more"), prompt.refused());
    }

    @Test
    void trustAcceptsUnsignedContent() {
        TrustPrompt prompt = new TrustPrompt(new TrustedSigners(), true);
        assertTrue(prompt.getTrustInfo(null, List.of(), new String[] {"a.jar"}).trustUnsignedContent());
        assertTrue(prompt.refused().isEmpty());
    }
}
