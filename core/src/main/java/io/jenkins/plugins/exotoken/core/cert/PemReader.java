package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.PasswordText;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * PEM text: any number of certificates and at most one private key, as PKCS#1 ({@code RSA PRIVATE KEY}),
 * SEC1 ({@code EC PRIVATE KEY}), PKCS#8, encrypted PKCS#8, or OpenSSL's legacy encrypted PKCS#1 with DEK-Info.
 *
 * <p>Read through a {@link java.io.Reader} over the caller's bytes: no {@code String} of the whole text (key
 * included) is made, so the caller can clear its bytes afterwards.
 */
final class PemReader {

    private static final String DAMAGED = " has a PEM block that cannot be parsed (damaged Base64 or a truncated"
            + " file): copy the file again unchanged, or export it again.";

    LoadedCertificate read(String source, InputStream utf8, char[] password) throws InvalidInputException {
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        boolean sawRequest = false;
        try (PEMParser parser = new PEMParser(new InputStreamReader(utf8, StandardCharsets.UTF_8))) {
            Object item;
            while ((item = nextItem(source, parser)) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(certificate(source, holder));
                } else if (item instanceof PKCS10CertificationRequest) {
                    sawRequest = true;
                } else {
                    PrivateKey key = privateKey(source, item, password);
                    if (key != null) {
                        keys.add(key);
                    }
                }
            }
        } catch (IOException e) { // closing a reader over bytes
            throw new InvalidInputException(source + DAMAGED, e);
        }
        if (keys.size() > 1) {
            throw new InvalidInputException(source + " holds " + keys.size() + " private keys: keep only the key"
                    + " of the app's certificate.");
        }
        if (certificates.isEmpty()) {
            throw new InvalidInputException(source + (sawRequest
                    ? " holds a certificate request, not a certificate: use the certificate the request was signed into."
                    : " holds no '-----BEGIN CERTIFICATE-----' block: add the app's certificate to the PEM, or give it"
                            + " as a separate file."));
        }
        PrivateKey key = keys.isEmpty() ? null : keys.get(0);
        return new LoadedCertificate(CertificateFormat.PEM, ChainOrder.leafFirst(certificates, key), key);
    }

    private static @Nullable Object nextItem(String source, PEMParser parser) throws InvalidInputException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports damaged Base64 as an unchecked DecoderException, bad ASN.1 as a PEMException.
            throw new InvalidInputException(source + DAMAGED, e);
        }
    }

    private static X509Certificate certificate(String source, X509CertificateHolder holder)
            throws InvalidInputException {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            throw new InvalidInputException(source + " has a certificate block that cannot be parsed: export the"
                    + " certificate again.", e);
        }
    }

    private static @Nullable PrivateKey privateKey(String source, Object item, char[] password)
            throws InvalidInputException {
        // JDK key objects: msal4j and the key match expect the JDK's algorithm names ("EC", not BC's "ECDSA").
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (item instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return converter.getPrivateKey(decrypt(source, encrypted, password));
            }
            if (item instanceof PEMEncryptedKeyPair encrypted) {
                return converter.getKeyPair(decrypt(source, encrypted, password)).getPrivate();
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidInputException(source + " has a private key that cannot be read ("
                    + e.getClass().getSimpleName() + "): export it again as PKCS#8 PEM.", e);
        }
        return null; // public keys, CRLs, parameters: not ours to use
    }

    private static PrivateKeyInfo decrypt(String source, PKCS8EncryptedPrivateKeyInfo encrypted, char[] password)
            throws InvalidInputException {
        requirePassword(source, password);
        AlgorithmIdentifier algorithm = encrypted.getEncryptionAlgorithm();
        InputDecryptor decryptor;
        try {
            // Setting up the cipher fails only for reasons other than the password: an unknown scheme or PRF, a
            // key size the JCE policy refuses, a provider error.
            decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.provider())
                    .build(password).get(algorithm);
        } catch (OperatorCreationException | RuntimeException e) {
            throw notDecryptable(source, name(algorithm), e);
        }
        try {
            return encrypted.decryptPrivateKeyInfo(ignored -> decryptor);
        } catch (Exception e) {
            throw failure(source, name(algorithm), password, e);
        }
    }

    private static PEMKeyPair decrypt(String source, PEMEncryptedKeyPair encrypted, char[] password)
            throws InvalidInputException {
        requirePassword(source, password);
        try {
            return encrypted.decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.provider()).build(password));
        } catch (Exception e) {
            throw failure(source, encrypted.getDekAlgName(), password, e);
        }
    }

    private static void requirePassword(String source, char[] password) throws InvalidInputException {
        if (password.length == 0) {
            throw new InvalidInputException("The private key in " + source + " is encrypted: supply its password.");
        }
    }

    private static InvalidInputException failure(String source, String algorithm, char[] password, Exception e) {
        if (CryptoFailure.of(e) == CryptoFailure.WRONG_PASSWORD) {
            return new InvalidInputException("The password for the private key in " + source + " is wrong"
                    + PasswordText.note(password) + ": supply the password the key was encrypted with.", e);
        }
        return notDecryptable(source, algorithm, e);
    }

    private static InvalidInputException notDecryptable(String source, String algorithm, Exception e) {
        return new InvalidInputException("The private key in " + source + " is encrypted with " + algorithm
                + ", which cannot be decrypted here (" + CryptoFailure.summary(e) + "): export the key again"
                + " with AES-256 (openssl pkcs8 -topk8 -v2 aes-256-cbc).", e);
    }

    /** E.g. {@code PBES2 (AES256-CBC, PRF HMACSHA256)}: the scheme alone does not say what failed. */
    private static String name(AlgorithmIdentifier algorithm) {
        DefaultAlgorithmNameFinder names = new DefaultAlgorithmNameFinder();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            return names.getAlgorithmName(algorithm);
        }
        String name = "PBES2";
        try {
            PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
            String scheme = names.getAlgorithmName(pbes2.getEncryptionScheme().getAlgorithm());
            if (!PKCSObjectIdentifiers.id_PBKDF2.equals(pbes2.getKeyDerivationFunc().getAlgorithm())) {
                return name + " (" + scheme + ", key derivation "
                        + names.getAlgorithmName(pbes2.getKeyDerivationFunc().getAlgorithm()) + ")";
            }
            PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
            return name + " (" + scheme + ", PRF " + names.getAlgorithmName(kdf.getPrf().getAlgorithm()) + ")";
        } catch (RuntimeException e) { // malformed parameters: the scheme's name is all there is to say
            return name;
        }
    }
}
