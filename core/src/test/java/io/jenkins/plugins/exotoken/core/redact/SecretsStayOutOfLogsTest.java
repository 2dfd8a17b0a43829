package io.jenkins.plugins.exotoken.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.http.RetryPolicy;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultSecrets;
import io.jenkins.plugins.exotoken.core.keyvault.VaultAccess;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.Fault;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator.Format;
import io.jenkins.plugins.exotoken.core.testing.Leaks;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.core.token.TokenService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With java.util.logging at ALL for core and msal4j (msal4j's slf4j routed to JUL, as in the CLI and in
 * Jenkins), certificate, client-secret and Key Vault acquisitions, refusals and requests echoed by the
 * simulators leave no secret, password, assertion or token in any record: message, parameters or stack trace.
 */
class SecretsStayOutOfLogsTest {

    private static final List<String> LOGGERS = List.of("io.jenkins.plugins.exotoken", "com.microsoft.aad.msal4j");
    private static final String PASSWORD = "pfx-" + UUID.randomUUID();
    private static final String SECRET = "Lq8~S" + UUID.randomUUID() + " u+v/w=";
    private static final String WRONG_SECRET = "Wq8~wrong" + UUID.randomUUID();

    private static final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    /** Strong references, so that the levels set stay set. */
    private static List<Logger> loggers;
    private static List<Level> previousLevels;

    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static TestApp app;
    private static String readerId;
    private static String readerSecret;

    @BeforeAll
    static void start() {
        loggers = LOGGERS.stream().map(Logger::getLogger).toList();
        previousLevels = loggers.stream().map(Logger::getLevel).toList();
        loggers.forEach(l -> l.setLevel(Level.ALL));
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        entra = EntraSimulator.start();
        vault = KeyVaultSimulator.start(entra);
        app = new TestApp(entra);
        entra.app(app.tenantId, app.clientId).secret(SECRET);
        readerId = UUID.randomUUID().toString();
        readerSecret = "reader~" + UUID.randomUUID();
        entra.app(app.tenantId, readerId).secret(readerSecret);
    }

    @AfterAll
    static void stop() {
        Logger.getLogger("").removeHandler(capture);
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).setLevel(previousLevels.get(i));
        }
        vault.close();
        entra.close();
    }

    @Test
    void noSecretPasswordAssertionOrTokenInAnyRecordAtAnyLevel() throws Exception {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .as("msal4j's slf4j output reaches java.util.logging").contains("JDK14");
        Map<String, String> secrets = new LinkedHashMap<>(Map.of("client secret", SECRET, "PFX password", PASSWORD,
                "wrong client secret", WRONG_SECRET, "vault reader's secret", readerSecret));
        AppCertificate certificate = AppCertificate.read("test certificate",
                TestPki.pfxAes(app.certificate, PASSWORD), null, SecretValue.of(PASSWORD), Clock.systemUTC());
        ClientSecret secret = ClientSecret.of("test", SecretValue.of(SECRET));
        String vaultName = vault.createVaultFor(app.tenantId, readerId);
        vault.putCertificate(vaultName, "exo-app", app.certificate, Format.PFX);
        KeyVaultReference reference = KeyVaultReference.of(app.cloud, vault.vaultUrl(vaultName), "exo-app", null,
                KeyVaultReference.Kind.CERTIFICATE);
        VaultAccess reader = new VaultAccess.ByApp(AppIdentity.of(app.tenantId, readerId, null, app.cloud),
                ClientSecret.of("test", SecretValue.of(readerSecret)));
        String strangerId = UUID.randomUUID().toString();
        String strangerSecret = "stranger~" + UUID.randomUUID();
        secrets.put("stranger's secret", strangerSecret);
        entra.app(app.tenantId, strangerId).secret(strangerSecret);
        VaultAccess stranger = new VaultAccess.ByApp(AppIdentity.of(app.tenantId, strangerId, null, app.cloud),
                ClientSecret.of("test", SecretValue.of(strangerSecret)));

        HttpSettings settings = vault.clientSettings();
        RetryPolicy retries = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10));
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (TokenService tokens = new TokenService(settings, retries, Clock.systemUTC());
                KeyVaultSecrets secretsInVault = new KeyVaultSecrets(tokens, settings, retries, Clock.systemUTC(),
                        Duration.ofMinutes(10))) {
            // requests echoed by Entra ID and Key Vault, one by one
            entra.inject(Fault.echo(400));
            failures.add(catchThrowable(() -> tokens.acquire(request(secret))));
            entra.inject(Fault.echo(401));
            failures.add(catchThrowable(() -> tokens.acquire(request(certificate))));
            entra.inject(Fault.echo(400)); // the vault-reading app's token request
            failures.add(catchThrowable(() -> secretsInVault.resolve(reference, reader)));
            vault.inject(Fault.echo(401));
            failures.add(catchThrowable(() -> secretsInVault.resolve(reference, reader)));
            // refusals
            failures.add(catchThrowable(() -> tokens.acquire(request(ClientSecret.of("test",
                    SecretValue.of(WRONG_SECRET))))));
            failures.add(catchThrowable(() -> secretsInVault.resolve(reference, stranger)));
            // acquisitions, one after a retried outage
            entra.inject(Fault.status(503));
            secrets.put("token by certificate", tokens.acquire(request(certificate)).reveal());
            secrets.put("token by client secret", tokens.acquire(request(secret)).reveal());
            secretsInVault.evict(reference); // its refusal above is remembered for a minute
            AppSecret fromVault = secretsInVault.resolve(reference, reader);
            secrets.put("token by the vault's certificate", tokens.acquire(new TokenRequest(app.identity, fromVault,
                    TokenScope.forResource(app.cloud, "graph"))).reveal());
        }

        assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f).isInstanceOf(ExoTokenException.class));
        assertThat(records).as("msal4j's debug output was captured")
                .anySatisfy(r -> assertThat(r.getLoggerName()).startsWith("com.microsoft.aad.msal4j"))
                .anySatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.FINE))
                .anySatisfy(r -> assertThat(text(r)).contains("Request was:")); // msal4j logs echoed failures
        StringBuilder all = new StringBuilder();
        records.forEach(r -> all.append(text(r)).append('\n'));
        failures.forEach(f -> all.append(stackTrace(f)).append('\n')); // what a FINE log of them would hold
        assertThat(Leaks.in(all.toString(), secrets)).isEmpty();
    }

    private static TokenRequest request(AppSecret secret) throws Exception {
        return new TokenRequest("credential 'exo-app'", app.identity, secret,
                TokenScope.forResource(app.cloud, "exchange"), null);
    }

    /** All a handler could write of a record: its message raw and formatted, each parameter, the stack trace. */
    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder().append(record.getLevel()).append(' ').append(record.getLoggerName())
                .append(": ").append(record.getMessage()).append(" | ").append(new SimpleFormatter().formatMessage(record));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(" | ").append(parameter);
            }
        }
        if (record.getThrown() != null) {
            text.append('\n').append(stackTrace(record.getThrown()));
        }
        return text.toString();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
