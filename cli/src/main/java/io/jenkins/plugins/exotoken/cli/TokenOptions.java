package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything {@code token} and {@code exec} share: identity, secret, scope, and getting the token. */
final class TokenOptions {

    @Mixin
    IdentityOptions identity;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nThe app's secret (one of):%n")
    SecretOptions secret;

    @ArgGroup(exclusive = true, heading = "%nWhat the token is for (one of):%n")
    ScopeOptions scope;

    /** Longest accepted {@code --timeout}: beyond it a hung service would hold a build for half an hour. */
    static final int MAX_TIMEOUT_SECONDS = 300;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest one request to Entra ID, Key Vault or the managed identity endpoint may take,"
                    + " answer included (default: ${DEFAULT-VALUE}, at most 300). A call with its retries ends"
                    + " within 4 x SECONDS + 30 s.")
    int timeoutSeconds;

    /**
     * The token and the identity it is for; warnings (certificate expiry, missing roles) go to {@code err} once the
     * token is there. A run that fails prints only its error: a warning above it would be read as the cause.
     */
    record Acquired(AppIdentity identity, AccessToken token) {}

    Acquired acquire(Map<String, String> environment, PrintWriter err) throws ExoTokenException, InterruptedException {
        try (Session session = open(environment, err)) {
            return new Acquired(session.identity(), session.token());
        }
    }

    /**
     * A token as {@link #acquire} gets it, with the engine and the request kept for more tokens (a renewed token
     * file); the caller closes it.
     */
    record Session(Engine engine, TokenRequest request, AccessToken token) implements AutoCloseable {

        AppIdentity identity() {
            return request.identity();
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    Session open(Map<String, String> environment, PrintWriter err) throws ExoTokenException, InterruptedException {
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new InvalidInputException("--timeout must be between 1 and " + MAX_TIMEOUT_SECONDS + " seconds, not "
                    + timeoutSeconds + ".");
        }
        AppIdentity app = identity.identity();
        TokenScope tokenScope = ScopeOptions.of(scope, app.cloud());
        HttpSettings settings = HttpSettings.defaults()
                .withTimeouts(HttpSettings.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(timeoutSeconds));
        List<String> warnings = new ArrayList<>();
        Engine engine = Engine.start(settings);
        try {
            AppSecret appSecret = secret.secret(environment, app.cloud(), engine);
            if (appSecret instanceof AppCertificate certificate) {
                certificate.warnings().forEach(w -> warnings.add(w.message()));
            }
            TokenRequest request = new TokenRequest(app, appSecret, tokenScope);
            AccessToken token = engine.tokens().acquire(request);
            // Claims that cannot be read (an opaque token) say nothing about the roles: no warning then.
            boolean noRoles = token.roles().map(List::isEmpty).orElse(false);
            if (noRoles && tokenScope.equals(TokenScope.forResource(app.cloud(), TokenScope.EXCHANGE))) {
                warnings.add("the token carries no application roles: grant the app Exchange.ManageAsApp"
                        + " (Office 365 Exchange Online) with admin consent, and an Exchange role, before"
                        + " Connect-ExchangeOnline will accept it.");
            }
            warnings.forEach(w -> err.println("warning: " + w));
            err.flush();
            return new Session(engine, request, token);
        } catch (ExoTokenException | InterruptedException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }
}
