package org.loupe.enhance.xray.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeException;
import org.loupe.api.LoupeService;
import org.loupe.api.ModelTrainer;
import org.loupe.api.Parameters;
import org.loupe.api.ProcessingContext;
import org.loupe.api.TrainingEvent;
import org.loupe.api.TrainingRequest;
import org.loupe.data.xray.XrayDataset;
import org.loupe.data.xray.XrayType;
import org.loupe.image.GrayU16;
import org.loupe.image.GrayU8;
import org.loupe.image.ImageType;
import org.loupe.image.PixelImage;
import org.loupe.image.Region;
import org.loupe.image.io.ImageFiles;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.tensorflow.ModelSidecar;
import org.loupe.testing.OsgiServices;

/** {@code loupe train enhance.xray} on a small simulated dataset, and the enhancer running what it wrote. */
class XrayTrainingTest {

    private static final XrayType SMALL_S1 = new XrayType("S1", 128, 128, 0.8, 60, 140, 0.8, 2.0, 6);
    private static final XrayType SMALL_S3 = new XrayType("S3", 144, 112, 0.8, 40, 12, 1.2, 2.0, 5);
    private static final Map<String, String> SMALL = Map.of("steps", "60", "batch", "4", "patch", "32", "width",
            "8", "z", "16", "depth", "1", "validate", "30", "lr", "0.003");

    @TempDir
    static Path data;

    private ProviderHandle<ModelTrainer> trainer;
    private ProviderHandle<ImageEnhancer> enhancer;

    @BeforeAll
    static void simulate() throws Exception {
        Path pcb = Files.createDirectories(data.resolve("pcb"));
        GrayU8 m = GrayU8.create(48, 48);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                m.set(x, y, (x / 3) % 4 == 0 || (y / 5) % 5 == 0 ? 0 : 255);
            }
        }
        ImageFiles.write(m, pcb.resolve("a_temp.jpg"));
        Map<XrayType, Integer> counts = new LinkedHashMap<>();
        counts.put(SMALL_S1, 4);
        counts.put(SMALL_S3, 3);
        XrayDataset.write(data.resolve("xray"), pcb, counts, 5, ProcessingContext.none());
    }

    @BeforeEach
    void find() throws LoupeException {
        ProviderRegistry registry = OsgiServices.await(ProviderRegistry.class);
        trainer = registry.provider("enhance.xray", ModelTrainer.class);
        enhancer = registry.provider("enhance.xray", ImageEnhancer.class);
    }

    private List<TrainingEvent> train(Path out, Map<String, String> extra) throws LoupeException {
        Map<String, String> params = new HashMap<>(SMALL);
        params.putAll(extra);
        Parameters p = Parameters.bind(trainer.call(LoupeService::parameters), params);
        List<TrainingEvent> events = new ArrayList<>();
        trainer.call(t -> t.train(new TrainingRequest(data.resolve("xray"), out, null, false, events::add),
                ProcessingContext.of(p)));
        return events;
    }

    private PixelImage enhance(PixelImage img, Path model) throws LoupeException {
        Parameters p = Parameters.bind(enhancer.call(LoupeService::parameters), Map.of("model", model.toString()));
        return enhancer.call(e -> e.enhance(img, ProcessingContext.of(p)));
    }

    private static double firstAndLastValidation(List<TrainingEvent> events, boolean last) {
        double[] v = events.stream().mapToDouble(TrainingEvent::validationLoss).filter(d -> !Double.isNaN(d))
                .toArray();
        return last ? v[v.length - 1] : v[0];
    }

    @Test
    void theDenoisingModuleSettingLearnsAndItsModelEnhancesFramesOfAnySize(@TempDir Path dir) throws Exception {
        List<TrainingEvent> events = train(dir.resolve("dm"), Map.of("setting", "dm"));
        assertTrue(firstAndLastValidation(events, true) < firstAndLastValidation(events, false),
                "validation loss falls");
        ModelSidecar s = ModelSidecar.read(dir.resolve("dm"));
        assertEquals("xray.dm", s.id());
        assertEquals(1, s.upscale());
        PixelImage frame = ImageFiles.read(data.resolve("xray/S3/test/lq/s3-0003.tif"));
        PixelImage odd = frame.view(new Region(0, 0, 141, 97));
        PixelImage out = enhance(odd, dir.resolve("dm"));
        assertEquals(ImageType.GRAY_U16, out.type());
        assertEquals(141, out.width());
        assertEquals(97, out.height());
    }

    @Test
    void theBicubicSettingShrinksFramesByItsFactorAndStillReturnsTheirSize(@TempDir Path dir) throws Exception {
        train(dir.resolve("b2"), Map.of("setting", "bicubic", "factor", "2", "ffl", "0", "whfl", "0"));
        ModelSidecar s = ModelSidecar.read(dir.resolve("b2"));
        assertEquals(2, s.upscale());
        assertTrue(s.training().get("setting").toString().equals("bicubic x2"), s.training().toString());
        GrayU16 frame = (GrayU16) ImageFiles.read(data.resolve("xray/S1/test/lq/s1-0004.tif"));
        assertEquals(128, enhance(frame, dir.resolve("b2")).width());
    }

    @Test
    void aFolderWithoutPairsIsRejectedNamingIt(@TempDir Path dir) {
        LoupeException e = assertThrows(LoupeException.class, () -> {
            Parameters p = Parameters.bind(trainer.call(LoupeService::parameters), SMALL);
            trainer.call(t -> t.train(new TrainingRequest(dir, dir.resolve("m"), null, false, x -> { }),
                    ProcessingContext.of(p)));
        });
        assertEquals(LoupeException.Reason.INPUT, e.reason());
        assertTrue(e.getMessage().contains("holds no train/lq"), e.getMessage());
    }
}
