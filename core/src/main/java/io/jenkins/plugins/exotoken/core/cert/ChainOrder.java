package io.jenkins.plugins.exotoken.core.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Puts certificates in chain order, leaf first, whatever order a file listed them in. */
final class ChainOrder {

    private ChainOrder() {}

    /**
     * @param certificates the certificates of one file
     * @param key the private key, if any: its certificate is the leaf
     */
    static List<X509Certificate> leafFirst(List<X509Certificate> certificates, @Nullable PrivateKey key) {
        Set<X509Certificate> remaining = new LinkedHashSet<>(certificates);
        X509Certificate leaf = null;
        if (key != null) {
            leaf = remaining.stream().filter(c -> KeyPairMatch.matches(key, c.getPublicKey())).findFirst().orElse(null);
        }
        if (leaf == null) {
            // The leaf issued nothing else in the file; with none such (a loop), keep the file's first.
            leaf = remaining.stream()
                    .filter(c -> remaining.stream().noneMatch(o -> o != c && issued(c, o)))
                    .findFirst()
                    .orElse(certificates.get(0));
        }
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        while (current != null && remaining.remove(current)) {
            chain.add(current);
            X509Certificate child = current;
            current = remaining.stream().filter(c -> issued(c, child)).findFirst().orElse(null);
        }
        chain.addAll(remaining);
        return chain;
    }

    private static boolean issued(X509Certificate issuer, X509Certificate subject) {
        return !issuer.equals(subject)
                && issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal());
    }
}
