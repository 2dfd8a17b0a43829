package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.AdministrativeMonitor;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.core.cert.CertificateGenerator;
import io.jenkins.plugins.exotoken.core.cert.GeneratedCertificate;
import io.jenkins.plugins.exotoken.monitor.CertificateExpiryMonitor;
import io.jenkins.plugins.exotoken.source.ClientSecretSource;
import io.jenkins.plugins.exotoken.source.GeneratedCertificateSource;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

// Runs only in the real plugin build (plugin-hpi), against a running Jenkins.
@WithJenkins
class ExchangeOnlineAppCredentialsJenkinsTest {

    private static final String TENANT = "9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff";
    private static final String CLIENT = "0e4d3b5a-1111-2222-3333-444455556666";
    private static final String CLIENT_SECRET = "Q~exo.client-secret_0123456789abcdefghij";

    @Test
    void savingTheFormAgainKeepsEveryField(JenkinsRule r) throws Exception {
        ExchangeOnlineAppCredentials before = clientSecretApp("exo-app");
        before.setCloud("usgovhigh");
        store(before);

        JenkinsRule.WebClient wc = r.createWebClient();
        // Credentials 1504 edits in a dialog: the page the dialog loads, submitted as the dialog does.
        HtmlPage update = wc.goTo("manage/credentials/store/system/domain/_/credential/exo-app/updateDialog");
        r.submit(update.getFormByName("updateCredentials"));

        ExchangeOnlineAppCredentials after = find(r, "exo-app");
        r.assertEqualDataBoundBeans(before, after);
        assertThat(((ClientSecretSource) after.getSecretSource()).getSecret().getPlainText()).isEqualTo(CLIENT_SECRET);
    }

    @Test
    void credentialsXmlHoldsNoSecretInPlainText(JenkinsRule r) throws Exception {
        GeneratedCertificate generated = new CertificateGenerator(Clock.systemUTC(), new SecureRandom())
                .generate("exo-token test", 2048, 30);
        store(clientSecretApp("exo-secret"));
        store(new ExchangeOnlineAppCredentials(CredentialsScope.GLOBAL, "exo-generated", null, TENANT, CLIENT,
                "contoso.onmicrosoft.com", new GeneratedCertificateSource(
                        SecretBytes.fromRawBytes(generated.pkcs12()), Secret.fromString(generated.password().reveal()))));

        String xml = Files.readString(r.jenkins.getRootDir().toPath().resolve("credentials.xml"),
                StandardCharsets.UTF_8);

        assertThat(xml).contains("exo-generated").contains(CLIENT)
                .doesNotContain(CLIENT_SECRET)
                .doesNotContain(generated.password().reveal())
                .doesNotContain(Base64.getEncoder().encodeToString(generated.pkcs12()).substring(0, 64));
    }

    @Test
    void testConnectionRefusesGetAndPeopleWhoCannotManageCredentials(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
        store(clientSecretApp("exo-app"));
        String path = "descriptorByName/" + ExchangeOnlineAppCredentials.class.getName() + "/testConnection?id=exo-app";

        JenkinsRule.WebClient reader = r.createWebClient().login("reader");
        reader.setThrowExceptionOnFailingStatusCode(false);
        // Stapler's @POST: a GET finds no web method (seen in a real Jenkins 2.555.3: 404).
        assertThat(reader.goTo(path, null).getWebResponse().getStatusCode()).isEqualTo(404);

        WebRequest post = new WebRequest(new URL(r.getURL(), path), HttpMethod.POST);
        reader.addCrumb(post);
        Page answer = reader.getPage(post);
        assertThat(answer.getWebResponse().getContentAsString())
                .contains("may not manage credentials")
                .doesNotContain(CLIENT_SECRET);
    }

    @Test
    void testConnectionAcquiresATokenAndReportsTheExchangeRole(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        try (SimulatedApp entra = new SimulatedApp().store("exo-sim")) {
            JenkinsRule.WebClient admin = r.createWebClient().login("admin");
            for (String id : new String[] {"exo-sim", "exo-sim-cert"}) {
                WebRequest post = new WebRequest(new URL(r.getURL(), "descriptorByName/"
                        + ExchangeOnlineAppCredentials.class.getName() + "/testConnection?id=" + id), HttpMethod.POST);
                admin.addCrumb(post);
                String answer = admin.getPage(post).getWebResponse().getContentAsString();
                assertThat(answer).as(id).contains("Token acquired").contains("carries the Exchange.ManageAsApp role")
                        .doesNotContain(entra.app.secret).doesNotContain("eyJ");
            }
        }
    }

    @Test
    void monitorWarnsAboutACertificateExpiringWithinThirtyDays(JenkinsRule r) throws Exception {
        GeneratedCertificate soon = new CertificateGenerator(Clock.systemUTC(), new SecureRandom())
                .generate("exo-token expiring", 2048, 10);
        store(new ExchangeOnlineAppCredentials(CredentialsScope.GLOBAL, "exo-expiring", null, TENANT, CLIENT,
                "contoso.onmicrosoft.com", new GeneratedCertificateSource(
                        SecretBytes.fromRawBytes(soon.pkcs12()), Secret.fromString(soon.password().reveal()))));
        store(clientSecretApp("exo-secret"));

        r.jenkins.getExtensionList(io.jenkins.plugins.exotoken.monitor.CertificateExpiryCheck.class).get(0)
                .doRun();

        CertificateExpiryMonitor monitor = AdministrativeMonitor.all().get(CertificateExpiryMonitor.class);
        assertThat(monitor.isActivated()).isTrue();
        assertThat(monitor.getCertificates()).singleElement()
                .satisfies(c -> assertThat(c.credentialId()).isEqualTo("exo-expiring"));
    }

    private static ExchangeOnlineAppCredentials clientSecretApp(String id) {
        return new ExchangeOnlineAppCredentials(CredentialsScope.GLOBAL, id, "test app", TENANT, CLIENT,
                "contoso.onmicrosoft.com", new ClientSecretSource(Secret.fromString(CLIENT_SECRET)));
    }

    private static void store(ExchangeOnlineAppCredentials credentials) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(credentials);
        SystemCredentialsProvider.getInstance().save();
    }

    private static ExchangeOnlineAppCredentials find(JenkinsRule r, String id) {
        return CredentialsProvider.findCredentialByIdInItemGroup(id, ExchangeOnlineAppCredentials.class, r.jenkins,
                null, null);
    }
}
