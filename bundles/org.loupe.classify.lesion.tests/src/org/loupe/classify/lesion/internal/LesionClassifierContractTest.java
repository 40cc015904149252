package org.loupe.classify.lesion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.loupe.api.Classification;
import org.loupe.api.DefectClassifier;
import org.loupe.api.LoupeException;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.SaliencyExplainer;
import org.loupe.data.ct.LesionCandidates;
import org.loupe.data.ct.LesionPatches;
import org.loupe.data.ct.LiverPhantom;
import org.loupe.data.ct.Tumour;
import org.loupe.image.GrayF32;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.volume.Volume;
import org.loupe.numerics.filter.VolumeMedian;
import org.loupe.testing.DefectClassifierContract;
import org.loupe.testing.ShippedModelDeclaration;
import org.loupe.testing.SyntheticImages;

/** The lesion classifier passes the classifier contract, and explains what it decides with its shipped model. */
class LesionClassifierContractTest extends DefectClassifierContract {

    private final LesionClassifier classifier = new LesionClassifier();

    @Override
    protected DefectClassifier classifier() {
        return classifier;
    }

    @Override
    protected PixelImage sample(ImageType type) {
        return SyntheticImages.scene(type, LesionTensors.SIDE, LesionTensors.SIDE, 11);
    }

    /** A 32x32 patch of liver at 100 HU around a round lesion at {@code hu}, with a rim at {@code rim} HU. */
    private static GrayF32 lesion(float hu, float rim) {
        GrayF32 p = GrayF32.create(LesionTensors.SIDE, LesionTensors.SIDE);
        for (int y = 0; y < LesionTensors.SIDE; y++) {
            for (int x = 0; x < LesionTensors.SIDE; x++) {
                double r = Math.hypot(x - 15.5, y - 15.5);
                p.set(x, y, r < 6 ? hu : r < 8 ? rim : 100);
            }
        }
        return p;
    }

    private ProcessingContext defaults() {
        return ProcessingContext.of(Parameters.defaults(classifier.parameters()));
    }

    @Test
    void theShippedModelIsTheDeclaredOne() throws IOException {
        ShippedModelDeclaration.assertDeclared(LesionClassifier.class, "/models/lesion/loupe-model.json");
    }

    @Test
    void theLesionsOfUnseenPhantomsGetTheirKind() throws LoupeException {
        // phantoms 12 and 13 (not among the training cases): two cysts, then two metastases and a cyst, all >= 10 mm
        int right = 0;
        int all = 0;
        for (long seed = 12; seed <= 13; seed++) {
            LiverPhantom.Case c = LiverPhantom.generate(seed, 256, 64, LiverPhantom.Dose.NORMAL,
                    ProcessingContext.none());
            // denoised and cut as the liver pipeline does, and as the shipped model was trained
            Volume ct = VolumeMedian.apply(c.ct(), 3, 3, ProcessingContext.none());
            LesionCandidates.Found found = LesionCandidates.find(ct, c.liver(), ProcessingContext.none());
            int[] lesion = LesionCandidates.truth(found, c.tumours());
            for (LesionCandidates.Candidate k : found.candidates()) {
                Tumour t = lesion[k.id() - 1] == 0 ? null : c.truth().get(lesion[k.id() - 1] - 1);
                if (t != null) {
                    all++;
                    PixelImage stack = LesionPatches.stack(ct, k, LesionPatches.STACK_SLICES, "p");
                    String label = classifier.classify(stack, null, defaults()).label();
                    right += label.equals(t.kind().equals("cyst") ? "cyst" : "tumour") ? 1 : 0;
                }
            }
        }
        assertEquals(5, all, "lesions with a candidate");
        assertTrue(right >= 4, right + " of 5 lesions get their kind");
    }

    @Test
    void givesEveryClassAProbabilityAndHeatMapsOfThePatchSize() throws LoupeException {
        Classification c = classifier.classify(lesion(50, 125), null, defaults());
        double sum = c.details().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1, sum, 1e-6);
        Map<String, GrayF32> maps = classifier.explain(lesion(50, 125), null, c.label(), defaults());
        for (String method : new String[] {SaliencyExplainer.GRAD_CAM, SaliencyExplainer.INPUT_GRADIENT}) {
            GrayF32 m = maps.get(method);
            assertEquals(LesionTensors.SIDE, m.width());
            float max = 0;
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    assertTrue(m.get(x, y) >= 0 && m.get(x, y) <= 1);
                    max = Math.max(max, m.get(x, y));
                }
            }
            assertEquals(1, max, 1e-6, method + " is scaled to its maximum");
        }
    }

    @Test
    void refusesAPatchOfAnotherSizeAndAnUnknownLabel() {
        GrayF32 big = GrayF32.create(64, 64);
        LoupeException e = assertThrows(LoupeException.class, () -> classifier.classify(big, null, defaults()));
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertThrows(LoupeException.class, () -> classifier.explain(lesion(5, 5), null, "defective", defaults()));
    }

    @AfterAll
    void close() {
        classifier.close();
    }
}
