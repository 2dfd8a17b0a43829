package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.PasswordText;
import java.io.ByteArrayInputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * PFX/PKCS#12: the JDK's key store first (AES/PBES2, and the RC2/3DES encodings older Windows exports
 * use), then Bouncy Castle's, which reads a few legacy variants the JDK refuses. When both fail the
 * structure, the integrity MAC and the encrypted bags are checked apart, to tell a wrong password from
 * corrupt data and from an encryption this Java cannot decrypt.
 */
final class Pkcs12Reader {

    LoadedCertificate read(String source, byte[] der, char[] password) throws InvalidInputException {
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
            return this == JDK
                    ? KeyStore.getInstance("PKCS12")
                    : KeyStore.getInstance("PKCS12", BouncyCastle.provider());
        }
    }

    private static LoadedCertificate fromKeyStore(String source, KeyStore store, byte[] der, char[] password)
            throws Exception {
        store.load(new ByteArrayInputStream(der), password);
        List<X509Certificate> looseCertificates = new ArrayList<>();
        LoadedCertificate withKey = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                Key key = store.getKey(alias, password);
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

    private static List<X509Certificate> x509(Certificate @Nullable [] certificates) {
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

    private static InvalidInputException diagnose(String source, byte[] der, char[] password, Exception cause) {
        if (cause instanceof NoEntries) {
            return new InvalidInputException(source + " is a PFX without any certificate in it: export the app's"
                    + " certificate with its private key.", cause);
        }
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(der);
        } catch (Exception e) {
            return new InvalidInputException(source + " is not a readable PFX/PKCS#12 file (corrupt or truncated"
                    + " data): export the certificate again, or upload the original file unchanged.", e);
        }
        Boolean macValid = null; // no MAC, or one BC cannot check
        if (pfx.hasMac()) {
            try {
                macValid = pfx.isMacValid(
                        new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), password);
            } catch (Exception e) {
                macValid = null;
            }
            if (Boolean.FALSE.equals(macValid)) {
                return wrongPassword(source, password, cause);
            }
        }
        // Without a MAC (openssl -nomac, some tools) only decrypting the bags shows whether the password is right.
        Exception decryption = decryptBags(pfx, password);
        // With no password at all, any failure to decrypt means one is needed (PBES2 refuses an empty one outright).
        if (macValid == null && decryption != null
                && (password.length == 0 || CryptoFailure.of(decryption) == CryptoFailure.WRONG_PASSWORD)) {
            return wrongPassword(source, password, decryption);
        }
        Exception reason = decryption != null ? decryption : cause;
        return new InvalidInputException(source + " is a PFX/PKCS#12 file that cannot be decrypted here ("
                + CryptoFailure.summary(reason) + "): re-export it with AES-256 or TripleDES encryption.", reason);
    }

    private static InvalidInputException wrongPassword(String source, char[] password, Exception cause) {
        return new InvalidInputException(password.length == 0
                ? source + " is protected by a password: supply the password it was exported with."
                : "The password for " + source + " is wrong" + PasswordText.note(password)
                        + ": supply the password the PFX was exported with.",
                cause);
    }

    /** The first failure decrypting an encrypted bag or shrouded key with the password, or null when all decrypt. */
    private static @Nullable Exception decryptBags(PKCS12PfxPdu pfx, char[] password) {
        try {
            InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider()).build(password);
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory bags = PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())
                        ? new PKCS12SafeBagFactory(info, decryptor)
                        : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo key) {
                        key.decryptPrivateKeyInfo(decryptor);
                    }
                }
            }
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
