package org.loupe.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.loupe.api.ImageEnhancer;
import org.loupe.api.LoupeService;
import org.loupe.api.Parameters;
import org.loupe.image.PixelImage;
import org.loupe.registry.ProviderHandle;
import org.loupe.registry.ProviderRegistry;
import org.loupe.ui.ImageDocument;
import org.loupe.ui.parts.HistoryPart;

/**
 * The chaining phase of the daily-use test (issue 25, "chaining and history"): a median, Use Result as Input, a
 * second median, listed in that order in the History view; Undo brings back the first input and its result, Redo
 * the chain; the session saved as a pipeline
 * holds both steps, and the product test runs it with {@code loupe run} to compare its image with the one saved here.
 */
final class ChainSelfTest {

    private ChainSelfTest() {
    }

    static void run(IEclipseContext windowContext, ImageDocument document, Path frame, Path scratch)
            throws Exception {
        List<String> problems = new ArrayList<>();
        Path folder = Files.createDirectories(scratch.resolve("chain-input"));
        Path input = Files.copy(frame, folder.resolve(frame.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        SelfTest.join(document.open(input));
        SelfTest.await(() -> input.equals(document.path()), "the frame did not open");
        PixelImage original = document.image();
        ProviderRegistry registry = windowContext.get(ProviderRegistry.class);
        ProviderHandle<ImageEnhancer> median = registry.provider("enhance.median", ImageEnhancer.class);
        Parameters defaults = Parameters.defaults(median.call(LoupeService::parameters));
        SelfTest.join(document.run(median, defaults));
        SelfTest.await(() -> document.result() != null, "the first median made no result");
        PixelImage first = document.result();
        Widgets.execute(windowContext, "org.loupe.ui.command.useResult");
        SelfTest.await(() -> document.image() == first && document.result() == null, "Use Result as Input did not "
                + "make the result the input");
        SelfTest.join(document.run(median, defaults));
        SelfTest.await(() -> document.result() != null, "the second median made no result");
        PixelImage second = document.result();
        HistoryPart history = Widgets.onUi(() -> (HistoryPart) windowContext.get(EPartService.class)
                .showPart(HistoryPart.PART_ID, EPartService.PartState.ACTIVATE).getObject());
        Thread.sleep(200);
        List<String> lines = Widgets.onUi(history::lines);
        if (lines.size() != 2 || !lines.get(0).contains("enhance.median") || !lines.get(0).contains("used as input")
                || !lines.get(1).contains("the result")) {
            problems.add("the History view lists " + lines);
        }
        Path pipeline = scratch.resolve("chain-pipeline.json");
        document.session().save(pipeline, registry, document.path(), document.referencePath());
        Path saved = scratch.resolve("chain-result.tif");
        document.saveResult(saved);
        Widgets.execute(windowContext, "org.loupe.ui.command.undo");
        SelfTest.await(() -> document.image() == original, "Undo did not bring back the first input");
        if (document.result() != first) {
            problems.add("after Undo the result is not the first median's");
        }
        Widgets.execute(windowContext, "org.loupe.ui.command.redo");
        SelfTest.await(() -> document.image() == first, "Redo did not bring back the chain");
        if (document.result() != second) {
            problems.add("after Redo the result is not the second median's");
        }
        long steps = Files.readString(pipeline).split("\"enhance\"", -1).length - 1;
        if (steps != 2) {
            problems.add("the saved pipeline holds " + steps + " enhance steps");
        }
        Widgets.report("chain", problems, "pipeline=" + pipeline + " result=" + saved + " steps=" + steps);
    }
}
