package io.jenkins.plugins.exotoken;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.FormValidation;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What Test connection says about a token: when it expires, and whether it carries the application role that
 * Exchange Online app-only automation needs. Never the token itself.
 */
final class ConnectionReport {

    /** The Office 365 Exchange Online application permission app-only PowerShell and REST need. */
    static final String EXCHANGE_ROLE = "Exchange.ManageAsApp";

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConnectionReport() {}

    @NonNull
    static FormValidation of(@NonNull AccessToken token) {
        String expires = EXPIRY.format(token.expiresOn());
        Optional<List<String>> roles = token.roles();
        if (roles.isEmpty()) {
            return FormValidation.ok(Messages.ConnectionReport_rolesUnknown(expires));
        }
        if (roles.get().contains(EXCHANGE_ROLE)) {
            return FormValidation.ok(Messages.ConnectionReport_ready(expires, EXCHANGE_ROLE));
        }
        String held = roles.get().isEmpty() ? Messages.ConnectionReport_noRoles() : String.join(", ", roles.get());
        return FormValidation.warning(Messages.ConnectionReport_roleMissing(expires, EXCHANGE_ROLE, held));
    }
}
