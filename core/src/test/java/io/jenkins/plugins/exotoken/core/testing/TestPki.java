package io.jenkins.plugins.exotoken.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.openssl.PKCS8Generator;

/**
 * Certificates and keys generated at test time (nothing is committed): a test CA, app certificates of
 * any key type, size and validity, and every encoding admins upload (PFX with AES or the legacy RC2 and
 * 3DES encryptions, PEM with PKCS#1, PKCS#8, encrypted PKCS#8, legacy encrypted PKCS#1, chains).
 */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.bouncycastle.jce.provider.BouncyCastleProvider BC =
            new org.bouncycastle.jce.provider.BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key pair with its certificate and the chain above it (leaf first). */
    public record Issued(KeyPair keyPair, X509Certificate certificate, List<X509Certificate> chain) {
        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }
    }

    private TestPki() {}

    public static KeyPair rsa(int bits) {
        return generate("RSA", bits);
    }

    public static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA. */
    public static Issued ca(String cn) {
        KeyPair keys = rsa(2048);
        X509Certificate cert = build(cn, keys, cn, keys.getPrivate(), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(3650)), true, null);
        return new Issued(keys, cert, List.of(cert));
    }

    /** A self-signed app certificate, as {@code New-SelfSignedCertificate} makes them, valid now for a year. */
    public static Issued selfSigned(String cn, KeyPair keys) {
        return selfSigned(cn, keys, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
    }

    public static Issued selfSigned(String cn, KeyPair keys, Instant notBefore, Instant notAfter) {
        X509Certificate cert = build(cn, keys, cn, keys.getPrivate(), notBefore, notAfter, false, null);
        return new Issued(keys, cert, List.of(cert));
    }

    /** A certificate issued by {@code ca}; its chain holds the CA after it. */
    public static Issued issue(Issued ca, String cn, KeyPair keys, String dnsName) {
        X509Certificate cert = build(cn, keys, subjectCn(ca.certificate()), ca.privateKey(),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)), false, dnsName);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(ca.chain());
        return new Issued(keys, cert, chain);
    }

    private static String subjectCn(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().replaceFirst("^CN=", "");
    }

    private static X509Certificate build(String cn, KeyPair keys, String issuerCn, PrivateKey issuerKey,
            Instant notBefore, Instant notAfter, boolean ca, String dnsName) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name("CN=" + cn), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (dnsName != null) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, dnsName),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                        }));
            }
            String algorithm = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(issuerKey);
            X509CertificateHolder holder = builder.build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- encodings ----

    /** PFX written by the JDK: PBES2 with AES-256 and an HMAC-SHA256 MAC, the modern default. */
    public static byte[] pfxAes(Issued issued, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("app", issued.privateKey(), password.toCharArray(),
                    issued.chain().toArray(new X509Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which legacy PKCS#12 encryption to use, as older Windows and {@code openssl -legacy} write. */
    public enum LegacyPbe {
        /** Certificates with 40-bit RC2, key with 3DES: the classic Windows export. */
        RC2_40_AND_3DES,
        /** Everything with 3DES. */
        TRIPLE_DES
    }

    /** PFX with legacy PKCS#12 PBE algorithms and a SHA-1 MAC. */
    public static byte[] pfxLegacy(Issued issued, String password, LegacyPbe pbe) {
        try {
            char[] pw = password.toCharArray();
            OutputEncryptor keyEncryptor = new BcPKCS12PBEOutputEncryptorBuilder(
                    PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, CBCBlockCipher.newInstance(new DESedeEngine()))
                    .build(pw);
            OutputEncryptor certEncryptor = pbe == LegacyPbe.RC2_40_AND_3DES
                    ? new BcPKCS12PBEOutputEncryptorBuilder(
                            PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, CBCBlockCipher.newInstance(new RC2Engine()))
                            .build(pw)
                    : keyEncryptor;
            List<PKCS12SafeBag> certBags = new ArrayList<>();
            for (X509Certificate c : issued.chain()) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(c);
                if (c == issued.certificate()) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                            new org.bouncycastle.asn1.DERBMPString("app"));
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId(issued));
                }
                certBags.add(bag.build());
            }
            PKCS12SafeBag keyBag = new JcaPKCS12SafeBagBuilder(issued.privateKey(), keyEncryptor)
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                            new org.bouncycastle.asn1.DERBMPString("app"))
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId(issued))
                    .build();
            PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
            builder.addEncryptedData(certEncryptor, certBags.toArray(new PKCS12SafeBag[0]));
            builder.addData(keyBag);
            PKCS12PfxPdu pfx = builder.build(new BcPKCS12MacCalculatorBuilder(), pw);
            return pfx.getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.bouncycastle.asn1.ASN1OctetString localKeyId(Issued issued) throws Exception {
        return new org.bouncycastle.asn1.DEROctetString(new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils()
                .createSubjectKeyIdentifier(issued.certificate().getPublicKey()).getKeyIdentifier());
    }

    /** PFX whose bags are not encrypted at all (plain key bag), as {@code openssl pkcs12 -keypbe NONE -certpbe NONE}. */
    public static byte[] pfxUnencrypted(Issued issued, String password) {
        try {
            PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
            builder.addData(new JcaPKCS12SafeBagBuilder(issued.certificate())
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId(issued)).build());
            builder.addData(new JcaPKCS12SafeBagBuilder(issued.privateKey())
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId(issued)).build());
            return builder.build(new BcPKCS12MacCalculatorBuilder(), password.toCharArray()).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM of certificates, leaf first unless the caller reorders. */
    public static String pemCertificates(List<X509Certificate> certificates) {
        return pem(certificates.toArray());
    }

    /** Traditional OpenSSL {@code RSA PRIVATE KEY} / {@code EC PRIVATE KEY} (PKCS#1 / SEC1). */
    public static String pemPkcs1(PrivateKey key) {
        return pem(key);
    }

    /** Unencrypted PKCS#8 {@code PRIVATE KEY}. */
    public static String pemPkcs8(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ENCRYPTED PRIVATE KEY}: PKCS#8 with PBES2/AES-256, as {@code openssl pkcs8 -topk8 -v2 aes256} writes. */
    public static String pemPkcs8Encrypted(PrivateKey key, String password) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BC).setRandom(RANDOM).setPassword(password.toCharArray()).build();
            return pem(new JcaPKCS8Generator(key, encryptor));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Legacy OpenSSL encrypted PKCS#1 with a {@code DEK-Info} header. */
    public static String pemPkcs1Encrypted(PrivateKey key, String password) {
        try {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(key, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).setSecureRandom(RANDOM)
                        .build(password.toCharArray()));
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object... objects) {
        try {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                for (Object o : objects) {
                    writer.writeObject(o);
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 trust store holding one CA certificate, for clients in another JVM. */
    public static byte[] trustStore(X509Certificate ca, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("test-ca", ca);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
