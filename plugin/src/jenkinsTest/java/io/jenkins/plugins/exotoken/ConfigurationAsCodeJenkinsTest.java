package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.exotoken.core.cert.CertificateGenerator;
import io.jenkins.plugins.exotoken.core.cert.GeneratedCertificate;
import io.jenkins.plugins.exotoken.source.GeneratedCertificateSource;
import io.jenkins.plugins.exotoken.source.KeyVaultSecretSource;
import io.jenkins.plugins.exotoken.source.UploadedCertificateSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Applies every YAML example of docs/casc/ (the placeholders a deployment fills from its environment filled here),
 * then exports the configuration and applies the export again: what users copy from the docs works, and round-trips.
 */
@WithJenkins
class ConfigurationAsCodeJenkinsTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "casc");

    @Test
    void everyDocumentedExampleAppliesAndRoundTrips(JenkinsRule r, @TempDir Path dir) throws Exception {
        GeneratedCertificate pfx = new CertificateGenerator(Clock.systemUTC(), new SecureRandom())
                .generate("exo-token casc", 2048, 365);
        Path pfxFile = Files.write(dir.resolve("exo-app.pfx"), pfx.pkcs12());
        Path pemFile = Files.writeString(dir.resolve("exo-app.pem"), pfx.pem());
        Map<String, String> environment = Map.of(
                "${EXO_CLIENT_SECRET}", "Q~casc.client-secret_0123456789abcdef",
                "${EXO_PFX_FILE}", pfxFile.toString(),
                "${EXO_PFX_PASSWORD}", pfx.password().reveal(),
                "${EXO_PEM_FILE}", pemFile.toString(),
                "${EXO_PEM_PASSWORD}", "unused",
                "${EXO_GENERATED_PFX_FILE}", pfxFile.toString(),
                "${EXO_GENERATED_PFX_PASSWORD}", pfx.password().reveal());

        for (String example : List.of("client-secret", "uploaded-certificate", "certificate-credential", "key-vault",
                "generated-certificate", "custom-cloud")) {
            String yaml = Files.readString(EXAMPLES.resolve(example + ".yaml"), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> variable : environment.entrySet()) {
                yaml = yaml.replace(variable.getKey(), variable.getValue());
            }
            Path applied = Files.writeString(dir.resolve(example + ".yaml"), yaml);
            ConfigurationAsCode.get().configure(applied.toString());
        }

        UploadedCertificateSource uploaded = (UploadedCertificateSource) app(r, "exo-app").getSecretSource();
        assertThat(uploaded.storedCertificate()).get()
                .satisfies(info -> assertThat(info.thumbprintSha1()).isEqualTo(pfx.info().thumbprintSha1()));
        assertThat(app(r, "exo-app-generated").getSecretSource()).isInstanceOf(GeneratedCertificateSource.class);
        assertThat(((KeyVaultSecretSource) app(r, "graph-reports").getSecretSource()).getVersion())
                .isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(app(r, "exo-app-custom").cloud().authorityHost().getHost())
                .isEqualTo("login.contoso-private.example");

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(exported);
        String export = exported.toString(StandardCharsets.UTF_8);
        assertThat(export).contains("exchangeOnlineApp").doesNotContain(pfx.password().reveal());

        Path again = Files.writeString(dir.resolve("export.yaml"), export);
        ExchangeOnlineAppCredentials before = app(r, "exo-app-vault");
        ConfigurationAsCode.get().configure(again.toString());
        r.assertEqualDataBoundBeans(before, app(r, "exo-app-vault"));
        assertThat(((UploadedCertificateSource) app(r, "exo-app").getSecretSource()).storedCertificate()).get()
                .satisfies(info -> assertThat(info.thumbprintSha1()).isEqualTo(pfx.info().thumbprintSha1()));
    }

    private static ExchangeOnlineAppCredentials app(JenkinsRule r, String id) {
        return CredentialsProvider.findCredentialByIdInItemGroup(id, ExchangeOnlineAppCredentials.class, r.jenkins,
                null, null);
    }
}
