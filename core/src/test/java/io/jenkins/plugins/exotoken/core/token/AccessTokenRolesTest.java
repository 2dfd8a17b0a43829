package io.jenkins.plugins.exotoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokenRolesTest {

    private static final TokenScope EXCHANGE = new TokenScope("https://outlook.office365.com/.default");

    @Test
    void rolesOfTheClaimAreRead() {
        assertThat(token(jwt("{\"roles\":[\"Exchange.ManageAsApp\"]}")).roles())
                .contains(List.of("Exchange.ManageAsApp"));
    }

    @Test
    void aReadablePayloadWithoutRolesMeansNoRoles() {
        assertThat(token(jwt("{\"aud\":\"https://outlook.office365.com\"}")).roles()).contains(List.of());
        assertThat(token(jwt("{\"roles\":[]}")).roles()).contains(List.of());
    }

    @Test
    void claimsThatCannotBeReadAreNotTakenForNoRoles() {
        assertThat(token(jwt("this is not JSON")).roles()).isEmpty();
        assertThat(token("eyJhbGciOiJub25lIn0.%%%not-base64%%%.c2ln").roles()).isEmpty();
        assertThat(token("an-opaque-token").roles()).isEmpty();
        assertThat(token("a.b.c.d").roles()).isEmpty();
    }

    private static AccessToken token(String value) {
        return new AccessToken(value, "Bearer", Instant.parse("2030-01-01T00:00:00Z"), EXCHANGE);
    }

    private static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
    }
}
