package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.Certificate;

/** A lone DER certificate, told apart from a PFX by its ASN.1 shape. */
final class DerCertificate {

    private DerCertificate() {}

    static boolean looksLikeCertificate(byte[] der) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            Certificate.getInstance(ASN1Sequence.getInstance(primitive));
            return true;
        } catch (Exception e) { // any parse failure means "not a certificate"; the PFX reader reports
            return false;
        }
    }

    static List<X509Certificate> parse(String source, byte[] der) throws InvalidInputException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return List.of((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException e) {
            throw new InvalidInputException(source + " looks like a DER certificate but cannot be parsed: export the"
                    + " certificate again.", e);
        }
    }
}
