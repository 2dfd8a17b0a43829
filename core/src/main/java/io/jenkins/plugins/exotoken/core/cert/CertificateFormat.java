package io.jenkins.plugins.exotoken.core.cert;

/** How certificate material was encoded, as detected from its bytes. */
public enum CertificateFormat {
    /** PFX / PKCS#12, binary or Base64 text (as Key Vault and JCasC hand it over). */
    PKCS12("PFX/PKCS#12"),
    /** PEM text: certificates plus a PKCS#1, PKCS#8 or encrypted key. */
    PEM("PEM"),
    /** A lone DER certificate (.cer): it never carries a private key. */
    DER_CERTIFICATE("DER certificate");

    private final String displayName;

    CertificateFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
