package org.loupe.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The models shipped inside the product still score what docs/MODELS.md says: super-resolution on the real Set5 and
 * Set14 images and the PCB models on DeepPCB's test pairs (skipped, saying so, where the shared data is absent), the
 * X-ray enhancer on the bundled 5 s / 90 s sample pair. The tolerances allow for another CPU's floating point, not
 * for a change of model.
 */
class ShippedModelsTest {

    private static JsonObject evalSr(String set, String... extra) throws Exception {
        String[] args = {"eval", "sr", "--dataset", Launcher.srDataset(set).toString(), "--scale", "2", "--json"};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        Launcher.Run run = Launcher.run(all);
        assertEquals(0, run.exitCode(), run.toString());
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("mean");
    }

    @Test
    void theQuantizedSuperResolverKeepsItsSet5FigureAndLosesAlmostNothingToQuantization() throws Exception {
        JsonObject fixed = evalSr("Set5", "--with", "enhance.srq", "-p", "variant=bicubic");
        JsonObject floating = evalSr("Set5", "--with", "enhance.srq", "-p", "variant=bicubic", "-p",
                "precision=float");
        double p = fixed.get("psnr").getAsDouble();
        assertEquals(MODELS_MD_SET5_PSNR, p, 0.01, "docs/MODELS.md's figure");
        assertTrue(Math.abs(floating.get("psnr").getAsDouble() - p) < 0.05, "float " + floating + ", fixed "
                + fixed);
    }

    @Test
    void onJpegCompressedInputsTheRealisticModelBeatsTheBicubicOne() throws Exception {
        double realistic = evalSr("Set14", "--lr-jpeg", "75", "--with", "enhance.srq", "-p", "variant=realistic")
                .get("psnr").getAsDouble();
        double bicubic = evalSr("Set14", "--lr-jpeg", "75", "--with", "enhance.srq", "-p", "variant=bicubic")
                .get("psnr").getAsDouble();
        assertTrue(realistic > bicubic + 0.15, "realistic " + realistic + " dB, bicubic " + bicubic + " dB");
    }

    @Test
    void theXrayEnhancerImprovesTheSampleAgainstItsLongExposure() throws Exception {
        Path dir = Files.createTempDirectory(Launcher.work(), "xray-pair");
        Files.createDirectories(dir.resolve("lq"));
        Files.createDirectories(dir.resolve("hq"));
        Files.copy(Launcher.samples().resolve("xray-s1-lq.tif"), dir.resolve("lq/s1.tif"));
        Files.copy(Launcher.samples().resolve("xray-s1-hq.tif"), dir.resolve("hq/s1.tif"));
        Launcher.Run run = Launcher.run("eval", "enhance", "--dataset", dir.toString(), "--with", "enhance.xray",
                "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonObject avg = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("average");
        double gain = avg.get("outputPsnr").getAsDouble() - avg.get("inputPsnr").getAsDouble();
        assertTrue(gain > MODELS_MD_SAMPLE_GAIN - 0.05, "PSNR gain " + gain + " dB");
        assertTrue(avg.get("outputSsim").getAsDouble() > avg.get("inputSsim").getAsDouble(), avg.toString());
    }

    @Test
    void theTemplateDetectorKeepsItsDeepPcbTestScores() throws Exception {
        JsonObject o = evalDeepPcb("detect", "detect.template", "test");
        assertEquals(MODELS_MD_DETECT_MAP, o.get("mAP").getAsDouble(), 0.003, o.get("counts").toString());
        assertEquals(MODELS_MD_DETECT_F, o.get("fScore").getAsDouble(), 0.003, o.get("counts").toString());
    }

    @Test
    void theOneStageDetectorKeepsItsDeepPcbTestScoresOnASingleImage() throws Exception {
        JsonObject o = evalDeepPcb("detect", "detect.yolo", "test");
        assertEquals(MODELS_MD_YOLO_MAP50, o.get("mAP50").getAsDouble(), 0.003, o.get("counts").toString());
        assertEquals(MODELS_MD_YOLO_MAP, o.get("mAP").getAsDouble(), 0.003, o.get("counts").toString());
    }

    @Test
    void theTwoStageDetectorKeepsItsDeepPcbTestScoresOnASingleImage() throws Exception {
        JsonObject o = evalDeepPcb("detect", "detect.rcnn", "test");
        assertEquals(MODELS_MD_RCNN_MAP50, o.get("mAP50").getAsDouble(), 0.003, o.get("counts").toString());
        assertEquals(MODELS_MD_RCNN_MAP, o.get("mAP").getAsDouble(), 0.003, o.get("counts").toString());
    }

    @Test
    void theSiameseClassifierKeepsItsDeepPcbTestAccuracy() throws Exception {
        JsonObject o = evalDeepPcb("classify", "classify.siamese", "test");
        assertEquals(MODELS_MD_SIAMESE_ACCURACY, o.get("accuracy").getAsDouble(), 0.003, o.toString());
    }

    @Test
    void aThresholdChosenOnValidationForCostlyMissesCutsTheTestCost() throws Exception {
        JsonObject chosen = costRow(evalDeepPcb("classify", "classify.siamese", "validation", "--cost", "10:1"));
        double t = chosen.get("cheapestThreshold").getAsDouble();
        JsonObject plain = costRow(evalDeepPcb("classify", "classify.siamese", "test", "--cost", "10:1"));
        JsonObject tuned = costRow(evalDeepPcb("classify", "classify.siamese", "test", "--cost", "10:1", "-p",
                "threshold=" + t));
        assertTrue(tuned.get("misses").getAsLong() < plain.get("misses").getAsLong(), tuned + " vs " + plain);
        assertTrue(tuned.get("cost").getAsDouble() < plain.get("cost").getAsDouble(), tuned + " vs " + plain);
    }

    private static JsonObject costRow(JsonObject eval) {
        return eval.getAsJsonArray("costs").get(0).getAsJsonObject();
    }

    private static JsonObject evalDeepPcb(String task, String provider, String part, String... extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("eval", task, "--dataset", Launcher.sharedDataset("deeppcb")
                .toString(), "--part", part, "--with", provider, "--json"));
        args.addAll(List.of(extra));
        Launcher.Run run = Launcher.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    /** mAP and F-score of detect.template on DeepPCB's 100 test pairs, as measured for docs/MODELS.md. */
    private static final double MODELS_MD_DETECT_MAP = 0.9900;
    private static final double MODELS_MD_DETECT_F = 0.9880;
    /** VOC mAP@0.5 and DeepPCB-rule mAP of the shipped detect.yolo model (seed 1), as measured for docs/MODELS.md. */
    private static final double MODELS_MD_YOLO_MAP50 = 0.9806;
    private static final double MODELS_MD_YOLO_MAP = 0.9863;
    /** VOC mAP@0.5 and DeepPCB-rule mAP of the shipped detect.rcnn model (seed 3), as measured for docs/MODELS.md. */
    private static final double MODELS_MD_RCNN_MAP50 = 0.9618;
    private static final double MODELS_MD_RCNN_MAP = 0.9683;
    /** Test patch accuracy of the shipped classify.siamese model, as measured for docs/MODELS.md. */
    private static final double MODELS_MD_SIAMESE_ACCURACY = 0.9779;
    /** Set5 x2, fixed point, bicubic-degradation model, as measured for docs/MODELS.md. */
    private static final double MODELS_MD_SET5_PSNR = 36.74;
    /** PSNR gain of enhance.xray on the bundled sample pair, as measured for docs/MODELS.md. */
    private static final double MODELS_MD_SAMPLE_GAIN = 7.25;
}
