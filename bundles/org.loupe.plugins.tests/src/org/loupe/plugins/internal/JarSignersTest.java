package org.loupe.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarSignersTest {

    @TempDir
    Path dir;

    @Test
    void anUnsignedJarIsReportedUnsigned() throws Exception {
        assertEquals("unsigned", JarSigners.of(Keys.jar(dir.resolve("a.jar"), new byte[] {1, 2, 3})));
    }

    @Test
    void aSignedJarNamesItsSigner() throws Exception {
        Path store = Keys.keyStore(dir, "Example Lab");
        Path jar = Keys.jar(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        Keys.sign(jar, store);
        assertEquals("Example Lab", JarSigners.of(jar));
    }

    @Test
    void aJarChangedAfterSigningIsReportedTampered() throws Exception {
        Path store = Keys.keyStore(dir, "Example Lab");
        Path jar = Keys.jar(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        Keys.sign(jar, store);
        Path changed = dir.resolve("b.jar");
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(changed))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().endsWith(".class") ? new byte[] {1, 2, 4} : bytes);
                out.closeEntry();
            }
        }
        assertEquals("TAMPERED", JarSigners.of(changed));
    }

    @Test
    void onlyCertificatesInTheTrustFoldersAreTrusted() throws Exception {
        Path trusted = Files.createDirectories(dir.resolve("trusted"));
        Path lab = Keys.certificate(Keys.keyStore(dir, "Example Lab"), trusted.resolve("lab.cer"));
        Path other = Keys.certificate(Keys.keyStore(dir, "Someone Else"), dir.resolve("other.cer"));
        TrustedSigners signers = TrustedSigners.in(List.of(trusted, dir.resolve("missing")));
        assertEquals(List.of("Example Lab"), signers.names());
        assertTrue(signers.contains(new Certificate[] {read(lab)}));
        assertFalse(signers.contains(new Certificate[] {read(other)}));
    }

    private static Certificate read(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
