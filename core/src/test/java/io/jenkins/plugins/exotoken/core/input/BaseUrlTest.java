package io.jenkins.plugins.exotoken.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlTest {

    @ParameterizedTest
    @CsvSource({
        "' https://login.example.com/ ', https://login.example.com",
        "https://login.example.com//,    https://login.example.com",
        "HTTPS://Login.Example.com:8443, HTTPS://Login.Example.com:8443",
        "https://127.0.0.1:1,            https://127.0.0.1:1",
    })
    void acceptsHttpsHostsWithOptionalPortAndTrailingSlashes(String text, String expected) {
        assertThat(BaseUrl.parseHttps(text)).contains(URI.create(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://login.example.com", "https://login.example.com/tenant",
        "https://login.example.com?x=1", "https://login.example.com#f", "https://user@login.example.com",
        "https://login.example.com:0", "https://login.example.com:65536", "https://login.example.com:99999",
        "https://login example.com", "https://login.exa\nmple.com", "login.example.com", "https://"})
    void refusesAnythingElse(String text) {
        assertThat(BaseUrl.parseHttps(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"https://x/, https://x", "https://x///, https://x", "api://guid, api://guid", "'/', ''"})
    void dropsTrailingSlashes(String text, String expected) {
        assertThat(BaseUrl.withoutTrailingSlashes(text)).isEqualTo(expected);
    }
}
