package org.loupe.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteTransportTest {

    @TempDir
    Path dir;

    private final SiteTransport transport = new SiteTransport(false);

    @Test
    void readsAFileOfAFolderSite() throws Exception {
        Files.writeString(dir.resolve("content.xml"), "<repository/>");
        try (InputStream in = transport.stream(dir.resolve("content.xml").toUri(), new NullProgressMonitor())) {
            assertEquals("<repository/>", new String(in.readAllBytes()));
        }
        assertTrue(transport.getLastModified(dir.resolve("content.xml").toUri(), null) > 0);
    }

    @Test
    void aMissingFileIsNotFoundSoP2TriesTheNextName() throws Exception {
        URI missing = dir.resolve("content.jar").toUri();
        assertThrows(FileNotFoundException.class, () -> transport.getLastModified(missing, null));
        IStatus s = transport.download(missing, new ByteArrayOutputStream(), null);
        assertEquals(ProvisionException.ARTIFACT_NOT_FOUND, s.getCode());
    }

    @Test
    void readsAnEntryOfAZippedSiteAndMissesAnAbsentOne() throws Exception {
        Path zip = dir.resolve("site.zip");
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("content.xml"));
            z.write("<repository/>".getBytes());
            z.closeEntry();
        }
        URI entry = URI.create("jar:" + zip.toUri() + "!/content.xml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(transport.download(entry, out, null).isOK());
        assertEquals("<repository/>", out.toString());
        assertThrows(FileNotFoundException.class, () -> transport.getLastModified(URI.create("jar:" + zip.toUri()
                + "!/artifacts.xml"), null));
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        CoreException e = assertThrows(CoreException.class, () -> transport.stream(URI.create(
                "http://example.com/site/content.xml"), null));
        assertTrue(e.getStatus().getMessage().contains("plain http is refused"), e.getStatus().getMessage());
    }
}
