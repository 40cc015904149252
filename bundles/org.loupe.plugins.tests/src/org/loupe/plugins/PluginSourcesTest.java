package org.loupe.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.api.LoupeException;

class PluginSourcesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderAZipAndAUrlBecomeWhatP2Reads() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path zip = Files.write(dir.resolve("site.zip"), new byte[] {80, 75, 5, 6});
        assertEquals(site.toUri(), PluginSources.parse(site.toString()));
        assertEquals(URI.create("jar:" + zip.toUri() + "!/"), PluginSources.parse(zip.toString()));
        assertEquals(URI.create("https://example.com/loupe/"), PluginSources.parse("https://example.com/loupe/"));
    }

    @Test
    void aMissingFolderOrAFileThatIsNoSiteIsABadInput() throws Exception {
        LoupeException missing = assertThrows(LoupeException.class, () -> PluginSources.parse(dir.resolve("nothere")
                .toString()));
        assertEquals(LoupeException.Reason.INPUT, missing.reason());
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        assertTrue(assertThrows(LoupeException.class, () -> PluginSources.parse(text.toString())).getMessage()
                .contains("not an update site"));
    }

    @Test
    void sourcesAreKeptOnceInTheInstallationAndRemoved() throws Exception {
        PluginSources sources = new PluginSources(dir);
        URI a = URI.create("https://example.com/a/");
        URI b = dir.toUri();
        assertTrue(sources.add(a));
        assertTrue(sources.add(b));
        assertFalse(sources.add(a));
        assertEquals(List.of(a, b), new PluginSources(dir).list());
        assertTrue(sources.remove(a));
        assertFalse(sources.remove(a));
        assertEquals(List.of(b), sources.list());
    }
}
