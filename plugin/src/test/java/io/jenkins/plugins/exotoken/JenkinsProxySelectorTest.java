package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

// Plain unit tests: offline they run against the compile-only API, in the real build against Jenkins core itself.
class JenkinsProxySelectorTest {

    private static final String PROXY_HOST = "proxy.example.test";
    private static final int PROXY_PORT = 3128;
    // Not valid Base64, so real Jenkins takes it as plain text instead of trying to decrypt it.
    private static final String PROXY_PASSWORD = "pa55-word!";

    private final HttpSettings base = HttpSettings.defaults();

    @Test
    void withoutJenkinsProxyTheBaseSettingsStand() {
        assertThat(JenkinsProxySelector.httpSettings(null, base)).isSameAs(base);
        assertThat(JenkinsProxySelector.httpSettings(new ProxyConfiguration(" ", 0, null, null, null), base))
                .isSameAs(base);
    }

    @Test
    void hostsOutsideTheNoProxyListGoThroughTheProxy() {
        ProxySelector selector = selectorFor(proxy(null, null, "*.internal.example"));

        assertThatGoesThroughProxy(selector.select(URI.create("https://login.microsoftonline.com/contoso/oauth2/v2.0/token")));
        assertThatGoesThroughProxy(selector.select(URI.create("http://outlook.office365.com/")));
    }

    @Test
    void noProxyHostsGoDirectWhateverTheirCase() {
        ProxySelector selector = selectorFor(proxy(null, null, "*.internal.example, vault.example.test"));

        assertThat(selector.select(URI.create("https://kv.internal.example/secrets/app"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://KV.Internal.Example/secrets/app"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://vault.example.test:8443/"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void connectionsOtherThanHttpNeverUseTheHttpProxy() {
        ProxySelector selector = selectorFor(proxy(null, null, null));

        assertThat(selector.select(URI.create("socket://login.microsoftonline.com:443"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void aUriWithoutHostIsRejectedAsProxySelectorSpecifies() {
        ProxySelector selector = selectorFor(proxy(null, null, null));

        assertThatIllegalArgumentException().isThrownBy(() -> selector.select(URI.create("mailto:admin@contoso.com")));
        assertThatIllegalArgumentException().isThrownBy(() -> selector.select(null));
    }

    @Test
    void noProxyUserMeansNoAuthenticator() {
        HttpSettings settings = JenkinsProxySelector.httpSettings(proxy(null, null, null), base);

        assertThat(settings.proxyAuthenticator()).isNull();
    }

    @Test
    void proxyCredentialsAnswerOnlyTheProxysOwnChallenge() throws Exception {
        Authenticator authenticator = JenkinsProxySelector.httpSettings(proxy("builder", PROXY_PASSWORD, null), base)
                .proxyAuthenticator();
        URL target = URI.create("https://login.microsoftonline.com/").toURL();

        PasswordAuthentication answer =
                ask(authenticator, PROXY_HOST, target, Authenticator.RequestorType.PROXY);
        assertThat(answer).isNotNull();
        assertThat(answer.getUserName()).isEqualTo("builder");
        assertThat(answer.getPassword()).containsExactly(PROXY_PASSWORD.toCharArray());

        assertThat(ask(authenticator, "login.microsoftonline.com", target, Authenticator.RequestorType.SERVER)).isNull();
        assertThat(ask(authenticator, "other-proxy.example.test", target, Authenticator.RequestorType.PROXY)).isNull();
    }

    @Test
    void theOtherSettingsAreKept() {
        HttpSettings settings = JenkinsProxySelector.httpSettings(proxy(null, null, null), base);

        assertThat(settings.proxySelector()).isInstanceOf(JenkinsProxySelector.class);
        assertThat(settings.connectTimeout()).isEqualTo(base.connectTimeout());
        assertThat(settings.readTimeout()).isEqualTo(base.readTimeout());
        assertThat(settings.sslContext()).isSameAs(base.sslContext());
    }

    private static ProxyConfiguration proxy(String userName, String password, String noProxyHost) {
        return new ProxyConfiguration(PROXY_HOST, PROXY_PORT, userName, password, noProxyHost);
    }

    private ProxySelector selectorFor(ProxyConfiguration proxy) {
        return JenkinsProxySelector.httpSettings(proxy, base).proxySelector();
    }

    private static void assertThatGoesThroughProxy(List<Proxy> proxies) {
        assertThat(proxies).hasSize(1);
        Proxy proxy = proxies.get(0);
        assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        assertThat(address.getHostString()).isEqualTo(PROXY_HOST);
        assertThat(address.getPort()).isEqualTo(PROXY_PORT);
    }

    private static PasswordAuthentication ask(
            Authenticator authenticator, String host, URL url, Authenticator.RequestorType type) {
        return authenticator.requestPasswordAuthenticationInstance(
                host, null, PROXY_PORT, url.getProtocol(), "proxy realm", "basic", url, type);
    }
}
