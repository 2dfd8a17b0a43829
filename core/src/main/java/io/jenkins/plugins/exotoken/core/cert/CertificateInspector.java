package io.jenkins.plugins.exotoken.core.cert;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a loaded certificate for use as an Entra ID app credential.
 *
 * <p>Errors: no private key, a key that does not belong to the certificate (or that the providers cannot check
 * against it: not called a mismatch, and the cause is kept), a key type Entra ID does not
 * accept for client assertions (only RSA: assertions are signed RS256/PS256, and msal4j signs with RSA only).
 * Warnings: expired, not yet valid, expiring within {@link CertificateInfo#EXPIRY_WARNING}, RSA shorter than
 * 2048 bits.
 */
final class CertificateInspector {

    /** Days before the end of validity from which a warning is given. */
    /** Smallest RSA key size that draws no warning. */
    static final int MIN_RSA_BITS = 2048;

    private final Clock clock;

    CertificateInspector(Clock clock) {
        this.clock = clock;
    }

    CertificateReport inspect(LoadedCertificate loaded) {
        CertificateInfo info = CertificateInfo.of(loaded);
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        PrivateKey key = loaded.privateKey();
        if (key == null) {
            errors.add(Finding.error("NO_PRIVATE_KEY", "The certificate " + info.thumbprintSha1() + " comes without"
                    + " its private key: export it with the private key (PFX, or PEM with a key block)."));
        } else {
            KeyPairMatch match = KeyPairMatch.check(key, loaded.leaf().getPublicKey());
            if (match.outcome() == KeyPairMatch.Outcome.MISMATCH) {
                errors.add(Finding.error("KEY_MISMATCH", "The private key does not belong to the certificate "
                        + info.thumbprintSha1() + ": pair the certificate with the key it was issued for."));
            } else if (match.outcome() == KeyPairMatch.Outcome.NOT_CHECKED) {
                errors.add(Finding.error("KEY_NOT_CHECKED", "The private key could not be checked against the"
                        + " certificate " + info.thumbprintSha1() + " (" + CryptoFailure.summary(match.cause())
                        + "): this Java cannot sign with the key; export the certificate with its key again as PFX"
                        + " or PKCS#8 PEM.", match.cause()));
            }
        }
        if (!"RSA".equals(info.keyAlgorithm())) {
            errors.add(Finding.error("UNSUPPORTED_KEY_TYPE", "The certificate has an " + info.keyAlgorithm()
                    + " key; Entra ID app authentication needs an RSA key (2048 bits or more): issue an RSA"
                    + " certificate and upload it to the app registration."));
        } else if (info.keySize() < MIN_RSA_BITS) {
            warnings.add(Finding.warning("WEAK_KEY", "The RSA key has " + info.keySize() + " bits; use "
                    + MIN_RSA_BITS + " bits or more."));
        }
        Instant now = clock.instant();
        if (now.isAfter(info.notAfter())) {
            warnings.add(Finding.warning("EXPIRED", "The certificate expired on " + date(info.notAfter())
                    + "; Entra ID refuses it once the app registration's key credential ends: renew it."));
        } else if (now.isBefore(info.notBefore())) {
            warnings.add(Finding.warning("NOT_YET_VALID", "The certificate is valid only from "
                    + date(info.notBefore()) + ": check the clock, or wait until then."));
        } else if (info.expiresWithinWarning(now)) {
            long days = Duration.between(now, info.notAfter()).toDays();
            warnings.add(Finding.warning("EXPIRING_SOON", "The certificate expires on " + date(info.notAfter())
                    + " (in " + days + (days == 1 ? " day" : " days") + "): upload a renewed certificate to the app"
                    + " registration, then here."));
        }
        errors.addAll(warnings);
        return new CertificateReport(info, errors);
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
