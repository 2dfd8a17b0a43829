package io.jenkins.plugins.exotoken.core.cert;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed X.509 v3 client certificate, shaped like the ones {@code New-SelfSignedCertificate} makes for
 * Entra ID app authentication: {@code CN=name} as subject and issuer, SHA256withRSA, not a CA, key usage digital
 * signature only, extended key usage client authentication, a subject key identifier.
 */
final class SelfSignedCertificate {

    private SelfSignedCertificate() {}

    static X509Certificate create(String commonName, KeyPair keys, Instant notBefore, Instant notAfter,
            SecureRandom random) {
        // Built attribute by attribute, never parsed from "CN=" + name: a comma or '+' in the name stays in the CN.
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            // The JVM's providers sign and parse, as they do for every key core uses.
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").setSecureRandom(random).build(keys.getPrivate())));
        } catch (CertIOException | OperatorCreationException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("signing a certificate with a key generated here cannot fail", e);
        }
    }

    /** Positive and 128 bits at most, so it encodes in 17 bytes or fewer (RFC 5280 allows 20). */
    private static BigInteger serial(SecureRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(128, random);
        } while (serial.signum() == 0);
        return serial;
    }
}
