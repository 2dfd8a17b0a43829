package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM text: any number of certificates and at most one private key, as PKCS#1 ({@code RSA PRIVATE KEY}),
 * SEC1 ({@code EC PRIVATE KEY}), PKCS#8, encrypted PKCS#8, or OpenSSL's legacy encrypted PKCS#1 with DEK-Info.
 */
final class PemReader {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    LoadedCertificate read(String source, String text, SecretValue password) throws InvalidInputException {
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        boolean sawRequest = false;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object item;
            while ((item = nextItem(source, parser)) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (item instanceof PKCS10CertificationRequest) {
                    sawRequest = true;
                } else {
                    PrivateKey key = privateKey(source, item, password);
                    if (key != null) {
                        keys.add(key);
                    }
                }
            }
        } catch (IOException | CertificateException e) {
            throw new InvalidInputException(source + " has a PEM block that cannot be parsed (damaged Base64 or"
                    + " a truncated file): " + e.getMessage(), e);
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

    private static Object nextItem(String source, PEMParser parser) throws InvalidInputException {
        try {
            return parser.readObject();
        } catch (IOException e) {
            throw new InvalidInputException(source + " has a PEM block that cannot be parsed (damaged Base64 or a"
                    + " truncated file): " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(String source, Object item, SecretValue password) throws InvalidInputException {
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
                requirePassword(source, password);
                InputDecryptorProvider decryptor =
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password.toChars());
                PrivateKeyInfo info = decrypt(source, () -> encrypted.decryptPrivateKeyInfo(decryptor));
                return converter.getPrivateKey(info);
            }
            if (item instanceof PEMEncryptedKeyPair encrypted) {
                requirePassword(source, password);
                PEMKeyPair pair = decrypt(source, () -> encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password.toChars())));
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidInputException(source + " has a private key that cannot be read ("
                    + e.getClass().getSimpleName() + "): export it again as PKCS#8 PEM.", e);
        }
        return null; // public keys, CRLs, parameters: not ours to use
    }

    private static void requirePassword(String source, SecretValue password) throws InvalidInputException {
        if (password.isEmpty()) {
            throw new InvalidInputException("The private key in " + source + " is encrypted: supply its password.");
        }
    }

    private interface Decryption<T> {
        T run() throws Exception;
    }

    private static <T> T decrypt(String source, Decryption<T> decryption) throws InvalidInputException {
        try {
            return decryption.run();
        } catch (Exception e) {
            // Decryption with a wrong password yields bad padding or garbage ASN.1; either way the password.
            throw new InvalidInputException("The password for the private key in " + source + " is wrong:"
                    + " supply the password the key was encrypted with.", null);
        }
    }
}
