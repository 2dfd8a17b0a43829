package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.jenkins.plugins.exotoken.core.testing.EntraSimulator;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator;
import io.jenkins.plugins.exotoken.core.testing.KeyVaultSimulator.Format;
import io.jenkins.plugins.exotoken.core.testing.ManagedIdentitySimulator;
import io.jenkins.plugins.exotoken.core.testing.TestApp;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI with the app's certificate or secret held only in a (simulated) Key Vault, reached through
 * the JVM's standard proxy properties, the vault read by another app or by a managed identity.
 */
class ExoTokenCliKeyVaultIT {

    private static final String VAULT = "contoso-exo";
    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static ManagedIdentitySimulator managedIdentity;
    private static TestApp app;
    private static CliProcess cli;
    private static String readerId;
    private static String readerSecret;
    private static String principal;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        entra = EntraSimulator.start();
        vault = KeyVaultSimulator.start(entra);
        app = new TestApp(entra);
        readerId = UUID.randomUUID().toString();
        readerSecret = "reader-" + UUID.randomUUID();
        principal = UUID.randomUUID().toString();
        entra.app(app.tenantId, readerId).secret(readerSecret);
        vault.createVault(VAULT, app.tenantId);
        vault.grant(VAULT, readerId, "*");
        vault.grant(VAULT, principal, "exo-app");
        vault.putCertificate(VAULT, "exo-app", app.certificate, Format.PFX);
        vault.putSecret(VAULT, "exo-secret", app.secret, null);
        managedIdentity = ManagedIdentitySimulator.startAppService(entra, 0, "cli-test-header")
                .tenant(app.tenantId).systemAssigned(principal);
        Path trust = dir.resolve("trust.p12");
        Files.write(trust, TestPki.trustStore(entra.caCertificate(), "changeit"));
        cli = new CliProcess(List.of("-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=changeit",
                // Vault hosts go through the (mapping) proxy; the login host 127.0.0.1 is in the JVM's
                // default http.nonProxyHosts and goes direct.
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + vault.proxy().address().getPort()));
    }

    @AfterAll
    static void stop() {
        managedIdentity.close();
        vault.close();
        entra.close();
    }

    private static List<String> args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command, "--tenant", app.tenantId, "--client-id", app.clientId,
                "--cloud", "custom", "--authority-host", entra.authorityHost(),
                "--key-vault-url", vault.vaultUrl(VAULT)));
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static List<String> byReaderApp() {
        return List.of("--vault-tenant", app.tenantId, "--vault-client-id", readerId,
                "--vault-client-secret-env", "VAULT_READER_SECRET");
    }

    @Test
    void tokenWithTheCertificateFromTheVault() throws Exception {
        List<String> args = args("token", "--key-vault-certificate", "exo-app");
        args.addAll(byReaderApp());

        CliProcess.Result result = cli.run(Map.of("VAULT_READER_SECRET", readerSecret), args);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(entra.verifyIssued(result.out().strip()).getStringClaim("appid")).isEqualTo(app.clientId);
        assertThat(result.err()).doesNotContain(readerSecret);
    }

    @Test
    void tokenWithTheClientSecretFromTheVaultReadByManagedIdentity() throws Exception {
        vault.grant(VAULT, principal, "exo-app", "exo-secret");
        managedIdentity.resetCounts();
        CliProcess.Result result = cli.run(
                Map.of("IDENTITY_ENDPOINT", managedIdentity.identityEndpoint(), "IDENTITY_HEADER", "cli-test-header"),
                args("token", "--key-vault-secret", "exo-secret", "--vault-managed-identity", "--json"));

        assertThat(result.exit()).as(result.err()).isZero();
        String token = (String) JSONObjectUtils.parse(result.out()).get("accessToken");
        assertThat(entra.verifyIssued(token).getStringClaim("appid")).isEqualTo(app.clientId);
        assertThat(managedIdentity.seen()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.query()).containsEntry("resource", "https://vault.azure.net");
        });
    }

    @Test
    void inspectShowsTheVaultCertificateAndLeavesNoCertificateFileInTheTempDirectory() throws Exception {
        List<String> args = new ArrayList<>(List.of("inspect", "--cloud", "custom", "--authority-host",
                entra.authorityHost(), "--key-vault-url", vault.vaultUrl(VAULT), "--key-vault-certificate", "exo-app"));
        args.addAll(byReaderApp());
        long filesBefore = countFiles();

        CliProcess.Result result = cli.run(Map.of("VAULT_READER_SECRET", readerSecret), args);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Thumbprint   " + app.certificateCredential().info().thumbprintSha1(),
                "private key present", "Format       PFX/PKCS#12");
        assertThat(countFiles()).isEqualTo(filesBefore);
    }

    @Test
    void missingPermissionIsExit1WithTheRoleToGrant() throws Exception {
        String stranger = UUID.randomUUID().toString();
        entra.app(app.tenantId, stranger).secret("stranger-secret");
        List<String> args = args("token", "--key-vault-certificate", "exo-app", "--vault-tenant", app.tenantId,
                "--vault-client-id", stranger, "--vault-client-secret-env", "S");

        CliProcess.Result result = cli.run(Map.of("S", "stranger-secret"), args);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: app " + stranger).contains("Key Vault Secrets User")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void vaultOutsideTheCloudIsExit2() throws Exception {
        List<String> args = new ArrayList<>(List.of("token", "--tenant", app.tenantId, "--client-id", app.clientId,
                "--cloud", "custom", "--authority-host", entra.authorityHost(),
                "--key-vault-url", "https://contoso.vault.azure.cn", "--key-vault-secret", "x"));
        args.addAll(byReaderApp());

        CliProcess.Result result = cli.run(Map.of("VAULT_READER_SECRET", readerSecret), args);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("is not in the custom cloud, whose vaults end in .vault.azure.net");
    }

    private static long countFiles() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().matches("(?i).*\\.(pfx|p12|pem)$")).count();
        }
    }
}
