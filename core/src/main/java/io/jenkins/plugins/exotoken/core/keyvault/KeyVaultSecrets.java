package io.jenkins.plugins.exotoken.core.keyvault;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import io.jenkins.plugins.exotoken.core.VaultRefusedException;
import io.jenkins.plugins.exotoken.core.cache.DaemonThreadFactory;
import io.jenkins.plugins.exotoken.core.cache.SingleFlightCache;
import io.jenkins.plugins.exotoken.core.cert.InspectedCertificate;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.redact.Redactor;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.ManagedIdentityRequest;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Resolves Key Vault references into app secrets: a certificate with its private key, or a client secret.
 *
 * <ul>
 *   <li>Vault tokens come from the {@link TokenService} (cached and shared like any token), by managed identity
 *       or another app registration.
 *   <li>A resolved object is cached per reference and access for a period; concurrent resolutions share one
 *       read. A new version, a disabled or a removed object is noticed at the latest when the period ends; an
 *       object whose expiry ({@code exp}) passes is not used after it, even within the period.
 *   <li>An unchanged version is not parsed again; a certificate is parsed once per version.
 *   <li>When the vault cannot be reached (never when it refuses) but a cached copy exists that has not expired,
 *       the copy is used (a WARNING is logged), and the vault is asked again after {@link #OUTAGE_RETRY}.
 *   <li>A refusal (no access, not found, disabled, expired, unusable content) is remembered for
 *       {@link #REFUSAL_PERIOD}, so a misconfigured reference does not call the vault on every build.
 *   <li>At most {@link #MAX_OBJECTS} objects are kept, the least recently used go first.
 * </ul>
 */
public final class KeyVaultSecrets implements AutoCloseable {

    /** How long a resolved object is used before the vault is asked again, unless configured otherwise. */
    public static final Duration DEFAULT_CACHE_PERIOD = Duration.ofMinutes(10);

    /** How long a refusal is answered from the cache before the vault is asked again. */
    public static final Duration REFUSAL_PERIOD = Duration.ofMinutes(1);

    /** How long the copy read before is used after the vault was unavailable, before asking again. */
    public static final Duration OUTAGE_RETRY = Duration.ofMinutes(1);

    /** References times readers in use on one controller, with room; each holds one parsed object. */
    public static final int MAX_OBJECTS = 256;

    private static final Logger LOGGER = Logger.getLogger(KeyVaultSecrets.class.getName());

    private record Key(KeyVaultReference reference, String access) {}

    private record Resolved(AppSecret secret, String version, Instant nextCheck, @Nullable Instant expires) {}

    private final TokenService tokens;
    private final KeyVaultClient client;
    private final Clock clock;
    private final Duration cachePeriod;
    private final ExecutorService executor;
    private final SingleFlightCache<Key, Resolved> resolved;

    public KeyVaultSecrets(TokenService tokens, HttpSettings settings, RetryPolicy retryPolicy, Clock clock,
            Duration cachePeriod) {
        this.tokens = tokens;
        this.client = new KeyVaultClient(settings, retryPolicy, clock);
        this.clock = clock;
        this.cachePeriod = cachePeriod;
        this.executor = Executors.newCachedThreadPool(new DaemonThreadFactory("keyvault"));
        this.resolved = new SingleFlightCache<>(executor, clock, new SingleFlightCache.Policy<>(MAX_OBJECTS,
                r -> r.expires == null ? Instant.MAX : r.expires, OUTAGE_RETRY,
                failure -> failure instanceof VaultRefusedException, REFUSAL_PERIOD));
    }

    /**
     * The app secret a reference points at.
     *
     * @throws VaultRefusedException when the vault refuses (access, not found, disabled) or holds something unusable
     * @throws InvalidInputException when the certificate it holds cannot be used (e.g. an EC key)
     * @throws ServiceUnavailableException when the vault or the token endpoint cannot be reached
     */
    public AppSecret resolve(KeyVaultReference reference, VaultAccess access)
            throws ExoTokenException, InterruptedException {
        Key key = new Key(reference, access.cacheKey());
        String what = "Reading " + reference.describe();
        // A vault token first, then the vault; each ends within its budget, a little grace for the hand-over.
        Duration bound = client.budget().multipliedBy(2).plusSeconds(5);
        return resolved.get(key, r -> clock.instant().isBefore(r.nextCheck),
                previous -> load(what, reference, access, previous), bound, new ReadReporting(what, reference)).secret;
    }

    /** Forgets what was read for a reference (by any reader), e.g. after the credential holding it changed. */
    public void evict(KeyVaultReference reference) {
        resolved.evict(key -> key.reference.equals(reference));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private Resolved load(String what, KeyVaultReference reference, VaultAccess access, @Nullable Resolved previous)
            throws ExoTokenException, InterruptedException {
        AccessToken token = vaultToken(reference, access);
        VaultSecret secret = client.read(what, reference, token, access);
        Instant nextCheck = clock.instant().plus(cachePeriod);
        checkUsable(reference, secret);
        if (previous != null && previous.version.equals(secret.version()) && !secret.version().isEmpty()) {
            return new Resolved(previous.secret, previous.version, nextCheck, secret.expires());
        }
        return new Resolved(convert(reference, secret), secret.version(), nextCheck, secret.expires());
    }

    private AccessToken vaultToken(KeyVaultReference reference, VaultAccess access)
            throws ExoTokenException, InterruptedException {
        TokenScope scope = TokenScope.forResource(reference.cloud(), TokenScope.KEY_VAULT);
        if (access instanceof VaultAccess.ByApp app) {
            return tokens.acquire(new TokenRequest("the vault-reading app", app.identity(), app.secret(), scope, null));
        }
        return tokens.acquire(new ManagedIdentityRequest(((VaultAccess.ByManagedIdentity) access).identity(), scope,
                null));
    }

    /** The words for a caller whose shared read failed as a whole, and the outage warning. */
    private record ReadReporting(String what, KeyVaultReference reference)
            implements SingleFlightCache.Reporting<Resolved> {

        @Override
        public ExoTokenException noAnswerWithin(Duration bound) {
            return new ServiceUnavailableException(what + ": no vault token and answer from " + reference.vaultUrl()
                    + " within " + bound.toSeconds() + " s. Try again later; if it persists check network access"
                    + " (proxy, firewall).", null);
        }

        @Override
        public ExoTokenException failed(Throwable cause) {
            LOGGER.log(Level.FINE, () -> what + ": the shared read ended without an answer\n"
                    + Redactor.tokenShapes().stackTrace(cause));
            return new ServiceUnavailableException(what + ": the read from " + reference.vaultUrl() + " ended"
                    + " without an answer (" + cause.getClass().getSimpleName() + "; details in the log at FINE).",
                    cause);
        }

        @Override
        public void usingStale(Resolved stale, ServiceUnavailableException outage) {
            LOGGER.log(Level.WARNING, "{0} Using the copy read before, version {1}, meanwhile, and asking again in {2} s.",
                    new Object[] {outage.getMessage(), stale.version, OUTAGE_RETRY.toSeconds()});
        }
    }

    private void checkUsable(KeyVaultReference reference, VaultSecret secret) throws VaultRefusedException {
        Instant now = clock.instant();
        if (!secret.enabled()) {
            throw new VaultRefusedException(reference.describe() + " is disabled: enable it, or reference another"
                    + " version.", 0, "SecretDisabled");
        }
        if (secret.expires() != null && now.isAfter(secret.expires())) {
            throw new VaultRefusedException(reference.describe() + " expired on "
                    + DateTimeFormatter.ISO_INSTANT.format(secret.expires()) + ": add a new version (renew the"
                    + " certificate or set a new secret).", 0, "SecretExpired");
        }
        if (secret.notBefore() != null && now.isBefore(secret.notBefore())) {
            throw new VaultRefusedException(reference.describe() + " is valid only from "
                    + DateTimeFormatter.ISO_INSTANT.format(secret.notBefore()) + ".", 0, "SecretNotYetValid");
        }
    }

    private AppSecret convert(KeyVaultReference reference, VaultSecret secret) throws ExoTokenException {
        String source = reference.describe() + " (version " + secret.version() + ")";
        String type = secret.contentType();
        boolean certificateContent = "application/x-pkcs12".equals(type) || "application/x-pem-file".equals(type);
        if (reference.kind() == KeyVaultReference.Kind.SECRET) {
            if (certificateContent) {
                throw new VaultRefusedException(reference.describe() + " holds a certificate (" + type + "), not a"
                        + " client secret: reference it as a certificate.", 0, "UnexpectedContentType");
            }
            return ClientSecret.of(source, secret.value());
        }
        if (type != null && !certificateContent) {
            throw new VaultRefusedException(reference.describe() + " has content type '" + type + "'; a certificate"
                    + " reference needs application/x-pkcs12 or application/x-pem-file (import the certificate into"
                    + " Key Vault as a certificate).", 0, "UnexpectedContentType");
        }
        byte[] bytes = "application/x-pkcs12".equals(type)
                ? decodeBase64(reference, secret.value())
                : secret.value().reveal().getBytes(StandardCharsets.UTF_8);
        // Key Vault exports certificate-backed secrets as PFX with an empty password, or as PEM.
        InspectedCertificate inspected;
        try {
            inspected = InspectedCertificate.read(source, bytes, null, SecretValue.empty(), clock);
        } finally {
            Arrays.fill(bytes, (byte) 0); // the key, in the clear or under an empty password
        }
        if (inspected.loaded().privateKey() == null) {
            throw new VaultRefusedException(source + " holds no private key: the certificate's key is not"
                    + " exportable. Create it with an exportable key (policy keyProperties.exportable = true),"
                    + " or import a PFX that includes the key.", 0, "NonExportableKey");
        }
        return AppCertificate.of(source, inspected);
    }

    private static byte[] decodeBase64(KeyVaultReference reference, SecretValue value) throws VaultRefusedException {
        byte[] text = value.reveal().getBytes(StandardCharsets.ISO_8859_1); // Base64 is ASCII
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new VaultRefusedException(reference.describe() + " says application/x-pkcs12 but its value is not"
                    + " Base64: import the certificate again.", 0, "UnexpectedContent");
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }
}
