package io.jenkins.plugins.exotoken.core.cert;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Writes a certificate and its key as PFX/PKCS#12 with modern protection: key and certificate bags encrypted with
 * PBES2 (AES-256-CBC, PBKDF2 with HMAC-SHA256), integrity by an HMAC-SHA256 MAC — what JDK 17's own key store
 * writes by default, Windows 10 1709+/Server 2019+ and OpenSSL 3 read.
 *
 * <p>Written with Bouncy Castle rather than the JDK's {@code KeyStore}: the JDK takes the certificate and MAC
 * algorithms only from the global {@code keystore.pkcs12.*} properties, which an administrator (or a legacy
 * setting) may have changed for the whole JVM; here they are fixed per file.
 */
final class Pkcs12Writer {

    /** PBKDF2 and MAC iterations: the JDK 17 default, so reading stays as fast as for the JDK's own files. */
    static final int ITERATIONS = 10_000;

    private Pkcs12Writer() {}

    /**
     * The PFX of one certificate and its key.
     *
     * @param friendlyName the name Windows shows for the entry
     * @param password protects the key and the certificate, and keys the MAC
     * @throws IllegalStateException when the JVM's cryptography cannot write it (no AES-256 or HMAC-SHA256)
     */
    static byte[] write(String friendlyName, X509Certificate certificate, PrivateKey key, char[] password,
            SecureRandom random) {
        try {
            OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(BouncyCastle.provider())
                    .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                    .setIterationCount(ITERATIONS)
                    .setRandom(random)
                    .build(password);
            // The same local key id on both bags pairs the key with its certificate for every reader.
            DEROctetString localKeyId = new DEROctetString(new JcaX509ExtensionUtils()
                    .createSubjectKeyIdentifier(certificate.getPublicKey()).getKeyIdentifier());
            DERBMPString name = new DERBMPString(friendlyName);
            PKCS12SafeBag certificateBag = new JcaPKCS12SafeBagBuilder(certificate)
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name)
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId)
                    .build();
            PKCS12SafeBag keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor)
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name)
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId)
                    .build();
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor, certificateBag);
            pfx.addData(keyBag);
            return pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                            .setProvider(BouncyCastle.provider())
                            .setIterationCount(ITERATIONS), password)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException | OperatorCreationException | PKCSException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("writing a PFX with AES-256 and HMAC-SHA256 failed", e);
        }
    }
}
