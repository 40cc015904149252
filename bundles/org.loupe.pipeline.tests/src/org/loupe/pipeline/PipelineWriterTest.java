package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loupe.api.DefectDetector;
import org.loupe.api.LoupeException;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;
import org.osgi.framework.ServiceRegistration;

/** A pipeline put together elsewhere (a workbench session) is saved in the format loupe run reads, and reads back. */
class PipelineWriterTest {

    @Test
    void aPairSharingABeginningGivesAMatchAndAReferenceRule() {
        NameRule.Relation r = NameRule.relating(Path.of("/data/13000/13000008_test.jpg"),
                Path.of("/data/13000/13000008_temp.jpg"));
        assertEquals(new NameRule("{name}_test.jpg"), r.match());
        assertEquals(new NameRule("{name}_temp.jpg"), r.reference());
        NameRule.Relation other = NameRule.relating(Path.of("/lab/scans/board7.png"),
                Path.of("/lab/golden/board7-golden.png"));
        assertEquals(new NameRule("{name}.png"), other.match());
        assertEquals(new NameRule("../golden/{name}-golden.png"), other.reference());
        assertEquals(Path.of("/lab/golden/board9-golden.png"), other.reference().resolve(
                Path.of("/lab/scans/board9.png"), "board9"));
    }

    @Test
    void namesSharingNoWholeWordKeepOneReferenceForEveryInput() {
        NameRule.Relation r = NameRule.relating(Path.of("/a/scan.png"), Path.of("/b/sc-golden.png"));
        assertEquals(NameRule.ANY_IMAGE, r.match());
        assertEquals(Path.of("/b/sc-golden.png"), r.reference().resolve(Path.of("/a/other.png"), "other"));
    }

    @Test
    void aWrittenPipelineReadsBackStepForStep() throws LoupeException {
        ServiceRegistration<DefectDetector> reg = OsgiServices.register(DefectDetector.class, "test.spots",
                (image, reference, ctx) -> List.of());
        try {
            Pipeline p = new Pipeline("session", new NameRule("{name}_test.jpg"), List.of("/data/boards"),
                    List.of(new Step.Detect("test.spots", Map.of(), new NameRule("{name}_temp.jpg"), 0.25, null),
                            new Step.Enhance("enhance.median", Map.of("size", "5")),
                            new Step.Measure("metric.psnr", Map.of(), new NameRule("../clean/{file}"))),
                    "tif", true, "");
            String text = PipelineWriter.toJson(p);
            Pipeline back = new PipelineReader(OsgiServices.await(ProviderRegistry.class)).parse("saved.json", text);
            assertEquals(p.name(), back.name());
            assertEquals(p.match(), back.match());
            assertEquals(p.paths(), back.paths());
            assertEquals(p.steps(), back.steps());
            assertEquals(p.format(), back.format());
            assertEquals(p.images(), back.images());
        } finally {
            reg.unregister();
        }
    }
}
