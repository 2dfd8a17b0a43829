package io.jenkins.plugins.exotoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.MsalServiceException;
import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import io.jenkins.plugins.exotoken.core.testing.Leaks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What msal4j reads of an error answer, and what {@link EntraErrors} makes of msal4j's exception, carry none of
 * the request's secrets even when the answer echoes them.
 */
class SentSecretsTest {

    private static final String SECRET = "Zx9~secret value+with/odd=chars";
    private static final String ASSERTION = "eyJ4NXQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl";
    private static final String FORM = "client_id=1&client_secret=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)
            + "&grant_type=client_credentials";

    @Test
    void anErrorAnswerLosesTheClientSecretOfTheForm() {
        String echoed = "{\"error\":\"invalid_request\",\"error_description\":\"AADSTS900144: got " + FORM + " and "
                + Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)) + "\"}";

        String seen = SentSecrets.redactAnswer(FORM, Map.of(), 400, echoed);

        assertThat(seen).contains("AADSTS900144", "client_secret=****&grant_type");
        assertThat(Leaks.in(seen, Map.of("secret", SECRET))).isEmpty();
    }

    @Test
    void anErrorAnswerLosesTheAssertionAndIdentityHeaders() {
        String form = "client_assertion=" + ASSERTION + "&client_assertion_type=x";
        String echoed = "got " + form + " X-IDENTITY-HEADER: 7c1e-identity-header Authorization: Basic a2V5LWZpbGUtY29udGVudA";

        String seen = SentSecrets.redactAnswer(form, Map.of("X-IDENTITY-HEADER", "7c1e-identity-header",
                "Authorization", "Basic a2V5LWZpbGUtY29udGVudA"), 401, echoed);

        assertThat(seen).isEqualTo("got client_assertion=****&client_assertion_type=x X-IDENTITY-HEADER: ****"
                + " Authorization: Basic ****");
    }

    @Test
    void aSuccessfulAnswerIsLeftAsItIs() {
        String answer = "{\"access_token\":\"" + ASSERTION + "\",\"expires_in\":3599}";

        assertThat(SentSecrets.redactAnswer(FORM, Map.of(), 200, answer)).isSameAs(answer);
    }

    @Test
    void entraErrorsRedactsTheClientSecretFromMsalsMessage() throws Exception {
        Cloud cloud = Cloud.custom("https://127.0.0.1:1", "https://outlook.office365.com",
                "https://graph.microsoft.com", "vault.azure.net", "O365Default");
        AppIdentity identity = AppIdentity.of("11111111-2222-3333-4444-555555555555",
                "66666666-7777-8888-9999-000000000000", null, cloud);
        TokenRequest request = new TokenRequest(identity, ClientSecret.of("test", SecretValue.of(SECRET)),
                TokenScope.forResource(cloud, "exchange"));
        MsalServiceException echoed = new MsalServiceException("AADSTS900144: got " + FORM + "&client_assertion="
                + ASSERTION + "\r\nTrace ID: 0a1b\r\nCorrelation ID: 2c3d", "invalid_request " + SECRET);

        AuthenticationFailedException e = EntraErrors.translate(request, echoed);

        assertThat(e.getMessage()).contains("AADSTS900144", "client_secret=****", "client_assertion=****",
                "trace id 0a1b");
        assertThat(Leaks.in(e.getMessage() + e.error(), Map.of("secret", SECRET))).isEmpty();
    }
}
