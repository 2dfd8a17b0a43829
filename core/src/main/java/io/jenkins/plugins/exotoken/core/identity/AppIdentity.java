package io.jenkins.plugins.exotoken.core.identity;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.input.Guid;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who signs in: an Entra ID app registration in a tenant of a cloud, and the Exchange organization it manages.
 *
 * @param tenant directory (tenant) id as a GUID, or a verified domain such as {@code contoso.onmicrosoft.com}
 * @param clientId application (client) id, a GUID
 * @param organization the organization Exchange expects in {@code -Organization}: {@code *.onmicrosoft.com}
 *     or another verified domain
 * @param cloud where the tenant lives
 */
public record AppIdentity(String tenant, String clientId, String organization, Cloud cloud) {

    // A DNS name with at least two labels; Entra tenants are addressed by verified domains.
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    public AppIdentity {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(cloud, "cloud");
    }

    /**
     * Validates and normalizes the parts, so a typo is reported before any network call.
     *
     * @throws InvalidInputException naming the field and the expected form
     */
    public static AppIdentity of(@Nullable String tenant, @Nullable String clientId, @Nullable String organization,
            Cloud cloud)
            throws InvalidInputException {
        String t = tenant(tenant);
        return new AppIdentity(t, clientId(clientId), organization(organization, t), cloud);
    }

    /**
     * Checks and normalizes a tenant: a GUID or a verified domain, never a multi-tenant alias.
     *
     * @return the tenant in lower case
     * @throws InvalidInputException saying where to find the tenant id
     */
    public static String tenant(@Nullable String tenant) throws InvalidInputException {
        Printable.requireOneLine("Tenant", tenant);
        String t = trim(tenant).toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new InvalidInputException("Tenant is missing: give the directory (tenant) id GUID or the"
                    + " tenant's verified domain, e.g. contoso.onmicrosoft.com.");
        }
        if (t.equals("common") || t.equals("organizations") || t.equals("consumers")) {
            throw new InvalidInputException("Tenant " + Printable.quote(t) + " cannot issue app-only tokens: use the"
                    + " tenant's id.");
        }
        if (!Guid.matches(t) && !DOMAIN.matcher(t).matches()) {
            throw new InvalidInputException("Tenant " + Printable.quote(trim(tenant)) + " is neither a GUID nor a"
                    + " domain name: copy the Directory (tenant) ID from the app registration's overview page.");
        }
        return t;
    }

    /**
     * Checks and normalizes an application (client) id.
     *
     * @return the GUID in lower case
     * @throws InvalidInputException saying where to find it
     */
    public static String clientId(@Nullable String clientId) throws InvalidInputException {
        Printable.requireOneLine("Application (client) id", clientId);
        String c = trim(clientId).toLowerCase(Locale.ROOT);
        if (!Guid.matches(c)) {
            throw new InvalidInputException("Application (client) id " + Printable.quote(trim(clientId))
                    + " is not a GUID: copy the Application (client) ID from the app registration's overview page.");
        }
        return c;
    }

    /**
     * Checks and normalizes the organization Exchange expects; empty means the tenant itself.
     *
     * @param tenant the normalized tenant, used when the organization is empty
     * @return the organization in lower case
     * @throws InvalidInputException when it is not a domain (or a tenant GUID)
     */
    public static String organization(@Nullable String organization, String tenant) throws InvalidInputException {
        Printable.requireOneLine("Organization", organization);
        String o = trim(organization).toLowerCase(Locale.ROOT);
        if (o.isEmpty()) {
            o = tenant;
        }
        if (!DOMAIN.matcher(o).matches() && !Guid.matches(o)) {
            throw new InvalidInputException("Organization " + Printable.quote(trim(organization)) + " is not a"
                    + " domain: use the tenant's initial domain, e.g. contoso.onmicrosoft.com.");
        }
        return o;
    }

    private static String trim(@Nullable String s) {
        return s == null ? "" : s.trim();
    }
}
