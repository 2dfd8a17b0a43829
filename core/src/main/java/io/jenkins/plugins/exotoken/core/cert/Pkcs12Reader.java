package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import java.io.ByteArrayInputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;

/**
 * PFX/PKCS#12: the JDK's key store first (AES/PBES2, and the RC2/3DES encodings older Windows exports
 * use), then Bouncy Castle's, which reads a few legacy variants the JDK refuses. When both fail the
 * structure and the integrity MAC are checked apart, to tell a wrong password from corrupt data.
 */
final class Pkcs12Reader {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    LoadedCertificate read(String source, byte[] der, SecretValue password) throws InvalidInputException {
        LoadedCertificate withoutKey = null;
        Exception firstFailure = null;
        // The JDK reads only shrouded key bags; Bouncy Castle also reads plain ones (openssl -keypbe NONE).
        for (KeyStoreType type : KeyStoreType.values()) {
            try {
                LoadedCertificate loaded = fromKeyStore(source, type.create(), der, password);
                if (loaded.privateKey() != null) {
                    return loaded;
                }
                withoutKey = withoutKey == null ? loaded : withoutKey;
            } catch (InvalidInputException e) {
                throw e;
            } catch (Exception e) {
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (withoutKey != null) {
            return withoutKey;
        }
        throw diagnose(source, der, password, firstFailure);
    }

    /** A key store that loaded but held nothing usable. */
    private static final class NoEntries extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private enum KeyStoreType {
        JDK,
        BOUNCY_CASTLE;

        KeyStore create() throws java.security.KeyStoreException {
            return this == JDK ? KeyStore.getInstance("PKCS12") : KeyStore.getInstance("PKCS12", BC);
        }
    }

    private static LoadedCertificate fromKeyStore(String source, KeyStore store, byte[] der, SecretValue password)
            throws Exception {
        char[] pw = password.toChars();
        store.load(new ByteArrayInputStream(der), pw);
        List<X509Certificate> looseCertificates = new ArrayList<>();
        LoadedCertificate withKey = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                Key key = store.getKey(alias, pw);
                if (!(key instanceof PrivateKey privateKey)) {
                    continue;
                }
                if (withKey != null) {
                    throw new InvalidInputException(source + " holds more than one private key: export only the"
                            + " app's certificate with its key.");
                }
                List<X509Certificate> chain = x509(store.getCertificateChain(alias));
                if (chain.isEmpty()) {
                    throw new InvalidInputException(source + " holds a private key without its certificate:"
                            + " export the certificate together with its private key.");
                }
                withKey = new LoadedCertificate(CertificateFormat.PKCS12, chain, privateKey);
            } else if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                looseCertificates.add(certificate);
            }
        }
        if (withKey != null) {
            return withKey;
        }
        if (looseCertificates.isEmpty()) {
            throw new NoEntries(); // the other reader may do better
        }
        return new LoadedCertificate(CertificateFormat.PKCS12, ChainOrder.leafFirst(looseCertificates, null), null);
    }

    private static List<X509Certificate> x509(Certificate[] certificates) {
        List<X509Certificate> result = new ArrayList<>();
        if (certificates != null) {
            for (Certificate c : certificates) {
                if (c instanceof X509Certificate x) {
                    result.add(x);
                }
            }
        }
        return result;
    }

    private static InvalidInputException diagnose(String source, byte[] der, SecretValue password, Exception cause) {
        if (cause instanceof NoEntries) {
            return new InvalidInputException(source + " is a PFX without any certificate in it: export the app's"
                    + " certificate with its private key.", null);
        }
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(der);
        } catch (Exception e) {
            return new InvalidInputException(source + " is not a readable PFX/PKCS#12 file (corrupt or truncated"
                    + " data): export the certificate again, or upload the original file unchanged.", e);
        }
        if (pfx.hasMac()) {
            boolean macValid;
            try {
                macValid = pfx.isMacValid(
                        new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), password.toChars());
            } catch (Exception e) {
                macValid = true; // a MAC algorithm BC cannot check: fall through to the generic message
            }
            if (!macValid) {
                return new InvalidInputException(password.isEmpty()
                        ? source + " is protected by a password: supply the password it was exported with."
                        : "The password for " + source + " is wrong: supply the password the PFX was exported with.",
                        null);
            }
        }
        return new InvalidInputException(source + " is a PFX/PKCS#12 file that cannot be decrypted ("
                + cause.getClass().getSimpleName() + "): re-export it with AES-256 or TripleDES encryption.", cause);
    }
}
