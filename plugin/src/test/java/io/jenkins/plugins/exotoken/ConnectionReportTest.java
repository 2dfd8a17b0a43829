package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConnectionReportTest {

    private static final Instant EXPIRES = Instant.parse("2026-11-26T18:42:07Z");

    @Test
    void aTokenWithTheExchangeRoleIsReportedReadyWithItsExpiry() throws Exception {
        FormValidation report = ConnectionReport.of(token("{\"roles\":[\"Exchange.ManageAsApp\",\"Mail.Send\"]}"));

        assertThat(report.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(report.getMessage()).contains("2026-11-26 18:42:07 UTC").contains("carries the Exchange.ManageAsApp role");
    }

    @Test
    void aTokenWithoutTheExchangeRoleIsAWarningNamingItsRoles() throws Exception {
        FormValidation some = ConnectionReport.of(token("{\"roles\":[\"Mail.Send\"]}"));
        FormValidation none = ConnectionReport.of(token("{\"aud\":\"https://outlook.office365.com\"}"));

        assertThat(some.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(some.getMessage()).contains("does not carry the Exchange.ManageAsApp role; its roles: Mail.Send")
                .contains("grant admin consent");
        assertThat(none.getMessage()).contains("its roles: none");
    }

    @Test
    void aTokenWhoseClaimsCannotBeReadIsNotReportedAsRoleless() throws Exception {
        FormValidation report = ConnectionReport.of(new AccessToken("opaque-token-value", "Bearer", EXPIRES,
                TokenScope.of("https://outlook.office365.com/.default")));

        assertThat(report.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(report.getMessage()).contains("roles could not be read").doesNotContain("opaque-token-value");
    }

    private static AccessToken token(String claims) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String jwt = url.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
        return new AccessToken(jwt, "Bearer", EXPIRES, TokenScope.of("https://outlook.office365.com/.default"));
    }
}
