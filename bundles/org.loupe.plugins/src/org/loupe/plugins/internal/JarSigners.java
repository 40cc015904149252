package org.loupe.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Who signed a bundle jar, read the way the JDK verifies it: every entry read through, so tampering shows. */
public final class JarSigners {

    private JarSigners() {
    }

    /**
     * The common names of the jar's signers, "unsigned" when it has none, or "TAMPERED" when an entry no longer
     * matches its signature.
     */
    public static String of(Path jar) {
        Set<String> names = new LinkedHashSet<>();
        boolean unsigned = false;
        try (JarFile f = new JarFile(jar.toFile(), true)) {
            byte[] buffer = new byte[8192];
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = f.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end is what makes the JDK check the entry's digest
                    }
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null) {
                    unsigned = true;
                } else {
                    for (CodeSigner s : signers) {
                        names.add(TrustPrompt.subject(s.getSignerCertPath().getCertificates().get(0)));
                    }
                }
            }
        } catch (SecurityException e) {
            return "TAMPERED";
        } catch (IOException e) {
            return "unreadable";
        }
        if (names.isEmpty()) {
            return "unsigned";
        }
        return String.join(", ", names) + (unsigned ? " (partly unsigned)" : "");
    }
}
