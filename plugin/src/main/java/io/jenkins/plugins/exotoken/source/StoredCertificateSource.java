package io.jenkins.plugins.exotoken.source;

import com.cloudbees.plugins.credentials.SecretBytes;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import io.jenkins.plugins.exotoken.core.cert.Finding;
import io.jenkins.plugins.exotoken.core.cert.InspectedCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A certificate whose bytes Jenkins holds itself, encrypted at rest: parsed on first use and kept parsed for as
 * long as this (immutable) source lives, so builds never pay for parsing.
 */
public abstract class StoredCertificateSource extends AppSecretSource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(StoredCertificateSource.class.getName());

    @CheckForNull
    private transient volatile AppCertificate parsed;

    @CheckForNull
    private transient volatile Optional<CertificateInfo> info;

    /** The PFX, PEM bundle or PEM certificate. */
    @CheckForNull
    abstract SecretBytes certificateBytes();

    /** A PEM key kept apart from the certificate, if any. */
    @CheckForNull
    abstract SecretBytes separateKeyBytes();

    @CheckForNull
    abstract Secret certificatePassword();

    @Override
    public final boolean isCertificate() {
        return true;
    }

    @NonNull
    @Override
    public final AppSecret resolve(@NonNull SecretResolution resolution) throws InvalidInputException {
        return certificate(resolution.label(), resolution.engine().clock());
    }

    @NonNull
    final AppCertificate certificate(String label, Clock clock) throws InvalidInputException {
        AppCertificate known = parsed;
        if (known != null) {
            return known;
        }
        byte[] data = plain(certificateBytes());
        byte[] key = separateKeyBytes() == null ? null : plain(separateKeyBytes());
        try {
            known = AppCertificate.read(label, data, key, password(), clock);
            parsed = known;
            return known;
        } finally {
            clear(data);
            clear(key);
        }
    }

    @NonNull
    @Override
    public final Optional<CertificateInfo> storedCertificate() {
        Optional<CertificateInfo> known = info;
        if (known == null) {
            known = inspect(Clock.systemUTC()).map(inspected -> inspected.report().info());
            info = known;
        }
        return known;
    }

    /** For the form: the stored certificate's facts, or {@code null} when there is none that can be read. */
    @CheckForNull
    public final CertificateInfo getCertificateInfo() {
        return storedCertificate().orElse(null);
    }

    /** For the form: what core warns about the stored certificate (expiring soon, weak key, …). */
    @NonNull
    public final List<String> getCertificateWarnings() {
        return inspect(Clock.systemUTC())
                .map(inspected -> inspected.report().warnings().stream().map(Finding::message).toList())
                .orElse(List.of());
    }

    /** What reading the stored bytes finds, errors and warnings included; empty when they cannot be read. */
    @NonNull
    final Optional<InspectedCertificate> inspect(Clock clock) {
        byte[] data = plain(certificateBytes());
        byte[] key = separateKeyBytes() == null ? null : plain(separateKeyBytes());
        try {
            return Optional.of(InspectedCertificate.read("the stored certificate", data, key, password(), clock));
        } catch (InvalidInputException e) {
            LOGGER.log(Level.FINE, "Stored certificate cannot be read", e);
            return Optional.empty();
        } finally {
            clear(data);
            clear(key);
        }
    }

    private SecretValue password() {
        Secret password = certificatePassword();
        return password == null ? SecretValue.empty() : SecretValue.of(password.getPlainText());
    }

    private static byte[] plain(@CheckForNull SecretBytes bytes) {
        return bytes == null ? new byte[0] : bytes.getPlainData();
    }

    private static void clear(@CheckForNull byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
