package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

// Runs only in the real plugin build (plugin-hpi), against a running Jenkins.
@WithJenkins
class JenkinsProxySelectorJenkinsTest {

    private static final List<URI> TARGETS = List.of(
            URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"),
            URI.create("https://outlook.office365.com/"),
            URI.create("https://kv.internal.example/secrets/exo-app"),
            URI.create("https://KV.INTERNAL.example/secrets/exo-app"),
            URI.create("http://vault.example.test:8080/"));

    @Test
    void routesAsJenkinsOwnHttpClientDoes(JenkinsRule r) {
        r.jenkins.setProxy(null);
        assertThat(JenkinsProxySelector.httpSettings().proxySelector()).isNotInstanceOf(JenkinsProxySelector.class);

        r.jenkins.setProxy(new ProxyConfiguration(
                "proxy.example.test", 3128, null, null, "*.internal.example vault.example.test"));
        ProxySelector ours = JenkinsProxySelector.httpSettings().proxySelector();
        ProxySelector jenkins = ProxyConfiguration.newHttpClient().proxy().orElseThrow();

        for (URI target : TARGETS) {
            assertThat(ours.select(target)).as(target.toString()).isEqualTo(jenkins.select(target));
        }
    }

    @Test
    void proxyChangesApplyToTheNextRequest(JenkinsRule r) throws Exception {
        r.jenkins.setProxy(new ProxyConfiguration("proxy.example.test", 3128, "builder", "pa55-word!", null));
        HttpSettings first = JenkinsProxySelector.httpSettings();
        URL target = URI.create("https://login.microsoftonline.com/").toURL();
        PasswordAuthentication answer = first.proxyAuthenticator()
                .requestPasswordAuthenticationInstance(
                        "proxy.example.test", null, 3128, "https", "proxy", "basic", target,
                        Authenticator.RequestorType.PROXY);
        assertThat(answer.getUserName()).isEqualTo("builder");
        assertThat(answer.getPassword()).containsExactly("pa55-word!".toCharArray());

        r.jenkins.setProxy(null);
        HttpSettings next = JenkinsProxySelector.httpSettings();
        assertThat(next.proxySelector()).isNotInstanceOf(JenkinsProxySelector.class);
        assertThat(next.proxyAuthenticator()).isNull();
    }
}
