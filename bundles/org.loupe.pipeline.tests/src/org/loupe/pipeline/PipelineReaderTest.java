package org.loupe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loupe.api.LoupeException;
import org.loupe.registry.ProviderRegistry;
import org.loupe.testing.OsgiServices;

/** A pipeline file is refused before any work, with the JSON path of what is wrong. */
class PipelineReaderTest {

    private static Pipeline read(String json) throws LoupeException {
        return new PipelineReader(OsgiServices.await(ProviderRegistry.class)).parse("p.json", json);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'steps': [{'enhance': 'enhance.gaussian'}, {'enhance': 'enhance.median', 'params': {'size': 4}}]}"
                + "|steps[1].params.size: parameter 'size': '4' is not valid",
        "{'steps': [{'enhance': 'enhance.median', 'parms': {}}]}|steps[0].parms: unknown key",
        "{'steps': [{'enhance': 'enhance.median', 'params': {'size': [3]}}]}"
                + "|steps[0].params.size: must be a string, number or boolean",
        "{'steps': [{'enhance': 'enhance.magic'}]}|steps[0]: provider 'enhance.magic' is not installed",
        "{'steps': [{'detect': 'enhance.median'}]}|steps[0]: provider 'enhance.median' is an enhancer, not a detector",
        "{'steps': [{'enhance': 'enhance.median', 'measure': 'metric.psnr'}]}|steps[0]: a step names exactly one",
        "{'steps': [{'measure': 'metric.psnr'}]}|steps[0].reference: missing",
        "{'steps': []}|steps: must be a non-empty array",
        "{'stepz': []}|stepz: unknown key",
        "{'steps': [{'enhance': 'enhance.median'}], 'input': {'match': '{nam}.png'}}"
                + "|input.match: unknown placeholder {nam}",
        "{'steps': [{'enhance': 'enhance.median'}], 'output': {'format': 'webp'}}|output.format: 'webp' is not",
        "{'steps': [{'enhance': 'enhance.median'}], 'output': {'images': 'yes'}}|output.images: must be true or false",
        "{'input': {'volumes': 'yes'}, 'steps': [{'enhance': 'enhance.median'}]}|input.volumes: must be true or false",
        "{'input': {'volumes': true}, 'steps': [{'measure': 'metric.psnr', 'reference': 'x.tif'}]}"
                + "|steps[0]: a measure step takes images"})
    void aWrongPipelineIsAUsageErrorNamingTheJsonPath(String json, String says) {
        LoupeException e = assertThrows(LoupeException.class, () -> read(json.replace('\'', '"')));
        assertEquals(LoupeException.Reason.USAGE, e.reason());
        assertTrue(e.getMessage().startsWith("p.json: " + says), e.getMessage());
    }

    @Test
    void aFileThatIsNotJsonIsBadInput() {
        LoupeException e = assertThrows(LoupeException.class, () -> read("{\"steps\": [}"));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
    }

    @Test
    void aGoodPipelineKeepsItsStepsInOrderWithTheirParameters() throws LoupeException {
        Pipeline p = read("{\"name\": \"clean and compare\", \"input\": {\"match\": \"{name}-lq.tif\"}, \"steps\": ["
                + "{\"enhance\": \"enhance.median\", \"params\": {\"size\": 5}},"
                + "{\"measure\": \"metric.psnr\", \"reference\": \"{name}-hq.tif\"}], \"output\": {\"format\": \"tif\"}}");
        assertEquals("clean and compare", p.name());
        assertEquals(2, p.steps().size());
        assertEquals(new Step.Enhance("enhance.median", java.util.Map.of("size", "5")), p.steps().get(0));
        assertEquals("metric.psnr", p.steps().get(1).provider());
        assertEquals("{name}-lq.tif", p.match().text());
        assertEquals("tif", p.format());
    }
}
