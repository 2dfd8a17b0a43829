package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.MsalServiceException;
import io.jenkins.plugins.exotoken.core.AuthenticationFailedException;
import io.jenkins.plugins.exotoken.core.EntraError;
import io.jenkins.plugins.exotoken.core.redact.Redactor;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns Entra ID's error answers into one message a person can act on: which app, what Entra said (the
 * AADSTS code and its first line), a hint for the common codes, and the ids Microsoft support asks for.
 *
 * <p>What Entra ID (or a proxy in between) said is redacted first: an endpoint that echoes the request would
 * otherwise put the client secret or the signed client assertion into the message.
 *
 * <p>Codes and meanings follow Microsoft's "Microsoft Entra authentication and authorization error codes".
 */
final class EntraErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final Pattern TRACE = Pattern.compile("Trace ID: ([0-9a-fA-F-]+)");
    private static final Pattern CORRELATION = Pattern.compile("Correlation ID: ([0-9a-fA-F-]+)");

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("90002", "the tenant does not exist in this cloud: check the tenant id or domain, and the"
                    + " cloud (a US Government or China tenant is unknown to the global cloud)."),
            Map.entry("900023", "the tenant id is malformed: use the Directory (tenant) ID GUID or a verified"
                    + " domain."),
            Map.entry("700016", "no app with this client id exists in the tenant: check the Application (client)"
                    + " ID, and that the app is registered (or consented) in this tenant."),
            Map.entry("7000215", "the client secret is wrong: use the secret's Value, not its Secret ID, and"
                    + " check it has not been replaced."),
            Map.entry("7000222", "the client secret has expired: create a new one in Certificates & secrets."),
            Map.entry("700027", "the certificate is not registered on the app, or the signature does not match:"
                    + " upload this certificate (.cer) to the app registration's Certificates & secrets and compare"
                    + " thumbprints."),
            Map.entry("700024", "the client assertion is outside its valid time range: check this machine's clock."),
            Map.entry("7000274", "the certificate registered on the app has expired: upload a renewed certificate."),
            Map.entry("70011", "the scope is invalid: an app-only token takes one resource's /.default scope."),
            Map.entry("1002012", "the scope is invalid: an app-only token takes one resource's /.default scope."),
            Map.entry("500011", "the resource is not known in this tenant: check the resource or scope, and"
                    + " that the service (e.g. Exchange Online) is provisioned in the tenant."),
            Map.entry("65001", "admin consent is missing: grant admin consent for the app's API permissions."),
            Map.entry("501051", "the app has no permission on this resource: add the application permission"
                    + " (e.g. Exchange.ManageAsApp) and grant admin consent."),
            Map.entry("7000112", "the app is disabled in the tenant: enable its service principal."),
            Map.entry("53003", "a Conditional Access policy for workload identities blocks this app: ask the"
                    + " tenant's admins."),
            Map.entry("900382", "the tenant lives in another cloud: set the cloud to the tenant's cloud"
                    + " (global, US Government GCC High / DoD, China)."),
            Map.entry("700023", "the assertion's audience is wrong for this tenant: check the cloud and tenant."));

    private EntraErrors() {}

    static AuthenticationFailedException translate(TokenRequest request, MsalServiceException e) {
        return translate("Entra ID refused a token for " + request.describe() + " with its "
                + request.secret().describe() + " in the " + request.identity().cloud().name() + " cloud: ", e, null,
                request.secret() instanceof ClientSecret secret
                        ? Redactor.tokenShapes().withSecret(secret.value()) : Redactor.tokenShapes());
    }

    static AuthenticationFailedException translate(ManagedIdentityRequest request, MsalServiceException e) {
        String who = request.identity().describe();
        return translate(Character.toUpperCase(who.charAt(0)) + who.substring(1) + " got no token for "
                + request.scope().resource() + ": ", e, request.identity().isSystemAssigned()
                ? "check that this machine has a system-assigned identity enabled."
                : "check the client id, and that the user-assigned identity is attached to this machine.",
                Redactor.tokenShapes());
    }

    private static AuthenticationFailedException translate(String prefix, MsalServiceException e,
            @Nullable String fallbackHint, Redactor redactor) {
        String description = e.getMessage() == null ? "" : redactor.redact(e.getMessage());
        String errorCode = redactor.redact(e.errorCode());
        Matcher aadsts = AADSTS.matcher(description);
        String code = aadsts.find() ? "AADSTS" + aadsts.group(1) : null;
        String firstLine = firstLine(description);
        String trace = find(TRACE, description);
        String correlation = e.correlationId() != null ? redactor.redact(e.correlationId())
                : find(CORRELATION, description);
        EntraError error = new EntraError(e.statusCode() == null ? 0 : e.statusCode(), errorCode, code,
                firstLine, trace, correlation);
        StringBuilder message = new StringBuilder(prefix)
                .append(firstLine.isEmpty() ? String.valueOf(errorCode) : firstLine);
        String hint = code == null ? null : HINTS.get(code.substring("AADSTS".length()));
        hint = hint != null ? hint : fallbackHint;
        if (hint != null) {
            message.append(" Hint: ").append(hint);
        }
        if (trace != null || correlation != null) {
            message.append(" (");
            if (trace != null) {
                message.append("trace id ").append(trace);
            }
            if (correlation != null) {
                message.append(trace != null ? ", " : "").append("correlation id ").append(correlation);
            }
            message.append(')');
        }
        return new AuthenticationFailedException(message.toString(), error);
    }

    private static String firstLine(String description) {
        String line = description.strip().lines().findFirst().orElse("").strip();
        // Already redacted; the cut keeps a message to one readable line.
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    private static @Nullable String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
