package io.jenkins.plugins.exotoken.core.cert;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Certificate material as read, together with what validating it found — also when the report has errors, so
 * a form or {@code exo-token inspect} can show every finding. A credential is built from it with
 * {@code AppCertificate.of(source, inspected)}.
 *
 * <p>Not a record on purpose: a report is only ever paired with the certificate it was made from.
 */
public final class InspectedCertificate {

    private final LoadedCertificate loaded;
    private final CertificateReport report;

    private InspectedCertificate(LoadedCertificate loaded, CertificateReport report) {
        this.loaded = loaded;
        this.report = report;
    }

    /**
     * Reads and validates certificate material whatever its encoding: PFX/PKCS#12 (binary or Base64), PEM, or
     * a lone DER certificate. The format is told from the bytes, never from a file name.
     *
     * @param source names the input in messages, e.g. {@code "certificate file app.pfx"}
     * @param data the PFX, the PEM bundle or the DER certificate
     * @param separateKey a PEM private key kept in its own file, or {@code null}
     * @param password the PFX or PEM key password; {@link SecretValue#empty()} when there is none
     * @param clock decides what "expired" and "expiring soon" mean
     * @throws InvalidInputException when the material cannot be read at all (wrong password, corrupt data, …);
     *     its message names {@code source} and says what to do, its cause is what failed underneath
     */
    public static InspectedCertificate read(String source, byte @Nullable [] data, byte @Nullable [] separateKey,
            SecretValue password,
            Clock clock) throws InvalidInputException {
        return inspect(new CertificateReader().read(source, data, separateKey, password), clock);
    }

    /**
     * Validates certificate material that was read elsewhere, e.g. the key store of a Jenkins certificate
     * credential, with the same rules as {@link #read}.
     *
     * @param loaded the chain, leaf first, and the private key if there is one
     * @param clock decides what "expired" and "expiring soon" mean
     */
    public static InspectedCertificate of(LoadedCertificate loaded, Clock clock) {
        return inspect(loaded, clock);
    }

    static InspectedCertificate inspect(LoadedCertificate loaded, Clock clock) {
        return new InspectedCertificate(loaded, new CertificateInspector(clock).inspect(loaded));
    }

    /** What was read: the chain, leaf first, and the private key if there was one. */
    public LoadedCertificate loaded() {
        return loaded;
    }

    /** The certificate's facts, errors first, then warnings. */
    public CertificateReport report() {
        return report;
    }

    @Override
    public String toString() {
        return "InspectedCertificate[" + loaded + ", " + (report.usable() ? "usable" : "not usable") + "]";
    }
}
