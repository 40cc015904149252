package org.loupe.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The keys whose signatures an installation accepts without {@code --trust}: X.509 certificates ({@code .cer},
 * {@code .crt}, {@code .pem}) in {@code configuration/org.loupe.plugins/trusted/} of the installation (Loupe's own
 * release key, and whatever key a lab adds for its integrators) and in {@code LOUPE_HOME/trusted/} for one user. A
 * chain is trusted when any certificate in it is one of these, so a lab can trust a vendor's signing authority.
 */
public final class TrustedSigners {

    private final Set<String> fingerprints = new LinkedHashSet<>();
    private final List<String> names = new ArrayList<>();

    /** The certificates in the given folders; folders that do not exist are skipped, unreadable files reported. */
    public static TrustedSigners in(List<Path> folders) throws IOException {
        TrustedSigners t = new TrustedSigners();
        CertificateFactory x509;
        try {
            x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(p -> p.getFileName().toString().matches("(?i).*\\.(cer|crt|pem)")).sorted()
                        .toList();
            }
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate c : x509.generateCertificates(in)) {
                        t.fingerprints.add(fingerprint(c));
                        t.names.add(TrustPrompt.subject(c));
                    }
                } catch (CertificateException e) {
                    throw new IOException(file + ": not an X.509 certificate (" + e.getMessage() + ")", e);
                }
            }
        }
        return t;
    }

    /** Whether any certificate of the chain is a trusted one. */
    public boolean contains(Certificate[] chain) {
        for (Certificate c : chain) {
            if (fingerprints.contains(fingerprint(c))) {
                return true;
            }
        }
        return false;
    }

    /** The common names of the trusted certificates, in the order read. */
    public List<String> names() {
        return List.copyOf(names);
    }

    static String fingerprint(Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
