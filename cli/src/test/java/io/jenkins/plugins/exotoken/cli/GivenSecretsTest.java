package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI masks the client secrets a run sends, wherever they were given, and not its certificate passwords. */
class GivenSecretsTest {

    private static final Map<String, String> ENV = Map.of("APP_SECRET", "app-secret-value-1",
            "READER_SECRET", "reader-secret-value-2", "PFX_PASSWORD", "is", "IDENTITY_HEADER", "identity-header-3");

    @TempDir
    Path dir;

    private static Redactor redactor(String... args) {
        ExoTokenCli cli = new ExoTokenCli(ENV);
        return GivenSecrets.redactor(new CommandLine(cli).parseArgs(args), ENV);
    }

    @Test
    void masksTheClientSecretFromTheEnvironmentAndTheIdentityHeader() {
        Redactor redactor = redactor("token", "--tenant", "t", "--client-id", "c", "--client-secret-env", "APP_SECRET");

        assertThat(redactor.redact("echo app-secret-value-1 identity-header-3"))
                .isEqualTo("echo **** ****");
    }

    @Test
    void masksTheVaultReadersSecretGivenInsideAnOptionGroup() {
        Redactor redactor = redactor("token", "--tenant", "t", "--client-id", "c", "--key-vault-url",
                "https://kv.vault.azure.net", "--key-vault-certificate", "app", "--vault-tenant", "t",
                "--vault-client-id", "r", "--vault-client-secret-env", "READER_SECRET");

        assertThat(redactor.redact("echo reader-secret-value-2")).isEqualTo("echo ****");
    }

    @Test
    void masksEachLineOfTheClientSecretFile() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.txt"), "\uFEFFfile-secret-value-4\r\n");

        Redactor redactor = redactor("token", "--tenant", "t", "--client-id", "c", "--client-secret-file",
                file.toString());

        assertThat(redactor.redact("echo file-secret-value-4;")).isEqualTo("echo ****;");
    }

    @Test
    void leavesCertificatePasswordsAloneForTheyAreNeverSent() {
        Redactor redactor = redactor("token", "--tenant", "t", "--client-id", "c", "--certificate", "app.pfx",
                "--password-env", "PFX_PASSWORD");

        assertThat(redactor.redact("The password for certificate file app.pfx is wrong"))
                .isEqualTo("The password for certificate file app.pfx is wrong");
    }
}
