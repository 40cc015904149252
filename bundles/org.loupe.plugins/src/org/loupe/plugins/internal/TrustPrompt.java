package org.loupe.plugins.internal;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;

/**
 * Answers p2's trust question during an install without asking anyone: content signed by a key in {@link
 * TrustedSigners} is accepted; unsigned content or content signed by any other key only when the user said {@code
 * --trust} (or confirmed the signer in the workbench's dialog). What was refused is kept, so that the failure p2
 * then reports can name the signer in one line.
 */
public final class TrustPrompt extends UIServices {

    private final TrustedSigners known;
    private final boolean trustAll;
    private final List<String> refused = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();

    /** A prompt accepting the {@code known} signers, and everything if {@code trustAll}. */
    public TrustPrompt(TrustedSigners known, boolean trustAll) {
        this.known = known;
        this.trustAll = trustAll;
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return null;
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return null;
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        return getTrustInfo(untrustedChains, List.of(), unsignedDetail);
    }

    @Override
    public synchronized TrustInfo getTrustInfo(Certificate[][] untrustedChains,
            Collection<PGPPublicKey> untrustedPgpKeys, String[] unsignedDetail) {
        List<Certificate> trusted = new ArrayList<>();
        for (Certificate[] chain : untrustedChains == null ? new Certificate[0][] : untrustedChains) {
            String who = subject(chain[0]);
            if (known.contains(chain)) {
                trusted.add(chain[0]);
                accepted.add(who);
            } else if (trustAll) {
                trusted.add(chain[0]);
                accepted.add(who + " (trusted by --trust)");
            } else {
                refused.add("signed by an unknown key: " + who);
            }
        }
        Collection<PGPPublicKey> keys = untrustedPgpKeys == null ? List.of() : untrustedPgpKeys;
        if (!keys.isEmpty() && !trustAll) {
            refused.add("signed by an unknown PGP key: " + Long.toHexString(keys.iterator().next().getKeyID()));
        }
        if (unsignedDetail != null && unsignedDetail.length > 0 && !trustAll) {
            refused.add("unsigned: " + unsignedDetail[0] + (unsignedDetail.length > 1 ? " and "
                    + (unsignedDetail.length - 1) + " more" : ""));
        }
        return new TrustInfo(trusted, trustAll ? keys : List.of(), false, trustAll);
    }

    /** What was refused, one phrase each; empty when nothing was. */
    public synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    /** The signers accepted during the install, for the record. */
    public synchronized List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** The subject's common name of a certificate, or its whole subject when it has none. */
    public static String subject(Certificate c) {
        if (!(c instanceof X509Certificate x)) {
            return c.getType() + " certificate";
        }
        String dn = x.getSubjectX500Principal().getName();
        // RFC 2253: a comma inside a value is escaped with a backslash, as in Eclipse.org Foundation, Inc.
        for (String part : dn.split("(?<!\\\\),")) {
            if (part.trim().startsWith("CN=")) {
                return part.trim().substring(3).replace("\\", "");
            }
        }
        return dn;
    }
}
