package org.loupe.classify.lesion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The operating point: tumour from the threshold on, else the likelier of cyst and normal; 0 keeps the likeliest. */
class TumourThresholdTest {

    private static final int TUMOUR = LesionNet.CLASSES.indexOf("tumour");
    private static final int CYST = LesionNet.CLASSES.indexOf("cyst");
    private static final int NORMAL = LesionNet.CLASSES.indexOf("normal");

    private static double[] p(double tumour, double cyst, double normal) {
        double[] p = new double[3];
        p[TUMOUR] = tumour;
        p[CYST] = cyst;
        p[NORMAL] = normal;
        return p;
    }

    @Test
    void withoutAThresholdTheLikeliestClassIsCalled() {
        assertEquals(NORMAL, LesionClassifier.label(p(0.3, 0.1, 0.6), 0));
        assertEquals(TUMOUR, LesionClassifier.label(p(0.5, 0.1, 0.4), 0));
    }

    @Test
    void aTumourProbabilityAtTheThresholdIsATumourEvenWhenAnotherClassIsLikelier() {
        assertEquals(TUMOUR, LesionClassifier.label(p(0.3, 0.1, 0.6), 0.3));
        assertEquals(TUMOUR, LesionClassifier.label(p(0.25, 0.7, 0.05), 0.2));
    }

    @Test
    void belowTheThresholdTheLikelierOfCystAndNormalIsCalledEvenWhenTumourIsLikeliest() {
        assertEquals(CYST, LesionClassifier.label(p(0.5, 0.3, 0.2), 0.6));
        assertEquals(NORMAL, LesionClassifier.label(p(0.1, 0.3, 0.6), 0.2));
    }
}
