package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loupe.api.DefectDetector;
import org.loupe.api.Detection;
import org.loupe.api.LoupeException;
import org.loupe.api.ParameterSpec;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.image.PixelImage;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;
import org.osgi.framework.ServiceRegistration;

/**
 * A detector that cannot run is replaced by detect.classic with one warning saying why, or stops the job with exit 4
 * when fallback is off; a usage error is never covered up by the fallback.
 */
class DetectorChoiceTest {

    private ServiceRegistration<DefectDetector> needsModel;
    private ProviderRegistry registry;
    private final List<String> warnings = new ArrayList<>();

    /** A detector whose model is the word "good": anything else cannot run. */
    @BeforeEach
    void registerADetectorThatNeedsAModel() {
        needsModel = OsgiServices.register(DefectDetector.class, "test.needs-model", new DefectDetector() {
            @Override
            public List<ParameterSpec> parameters() {
                return List.of(ParameterSpec.text("model", "", "the model"));
            }

            @Override
            public void prepare(Parameters p) throws LoupeException {
                if (!p.getString("model").equals("good")) {
                    throw LoupeException.badInput(p.getString("model"), "is not a model folder");
                }
            }

            @Override
            public List<Detection> detect(PixelImage image, PixelImage reference, ProcessingContext ctx) {
                return List.of();
            }
        });
        registry = OsgiServices.await(ProviderRegistry.class);
    }

    @AfterEach
    void unregister() {
        needsModel.unregister();
    }

    @Test
    void aDetectorThatCanRunIsKeptWithoutWarning() throws LoupeException {
        DetectorChoice c = DetectorChoice.choose(registry, "test.needs-model", Map.of("model", "good"), true,
                warnings::add);
        assertEquals("test.needs-model", c.handle().descriptor().id());
        assertEquals("good", c.parameters().getString("model"));
        assertNull(c.fellBack());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aDetectorThatCannotRunFallsBackToTheClassicalOneWithOneWarningNamingWhy() throws LoupeException {
        DetectorChoice c = DetectorChoice.choose(registry, "test.needs-model", Map.of("model", "broken"), true,
                warnings::add);
        assertEquals(DetectorChoice.FALLBACK, c.handle().descriptor().id());
        assertEquals("", c.parameters().getString("model"), "the classical detector runs with its own defaults");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("test.needs-model cannot run (broken: is not a model folder)"),
                warnings.get(0));
    }

    @Test
    void withoutFallbackADetectorThatCannotRunIsAProviderFailure() {
        LoupeException e = assertThrows(LoupeException.class, () -> DetectorChoice.choose(registry,
                "test.needs-model", Map.of("model", "broken"), false, warnings::add));
        assertEquals(LoupeException.Reason.PROVIDER, e.reason());
        assertEquals(4, e.reason().exitCode());
        assertTrue(e.getMessage().contains("cannot run: broken: is not a model folder"), e.getMessage());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aBadParameterIsAUsageErrorAndNotAFallback() {
        LoupeException e = assertThrows(LoupeException.class, () -> DetectorChoice.choose(registry,
                "test.needs-model", Map.of("modle", "good"), true, warnings::add));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aPipelineWhoseDetectorCannotRunRunsTheClassicalOneAndItsRecordsSaySo() throws LoupeException {
        PipelineReader reader = new PipelineReader(registry);
        Pipeline broken = reader.parse("p.json", "{\"steps\": [{\"enhance\": \"enhance.median\"}, {\"detect\": "
                + "\"test.needs-model\", \"params\": {\"model\": \"broken\"}}]}");
        Pipeline settled = DetectorChoice.settle(broken, registry, true, warnings::add);
        assertEquals(DetectorChoice.FALLBACK, settled.detectStep().orElseThrow().provider());
        assertEquals(broken.steps().get(0), settled.steps().get(0));
        assertEquals(1, warnings.size());
        Pipeline good = reader.parse("p.json", "{\"steps\": [{\"detect\": \"test.needs-model\", \"params\": "
                + "{\"model\": \"good\"}}]}");
        assertEquals(good, DetectorChoice.settle(good, registry, false, warnings::add));
    }
}
