package io.jenkins.plugins.exotoken.core.identity;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.input.BaseUrl;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft cloud: where Entra ID signs in, which resources Exchange and Graph answer as, where Key
 * Vault lives, and the name {@code Connect-ExchangeOnline -ExchangeEnvironmentName} expects.
 *
 * <p>The named clouds follow Microsoft's national-cloud documentation (Entra authentication endpoints,
 * Graph national cloud deployments, Exchange Online PowerShell in GCC High / DoD / 21Vianet, Key Vault
 * DNS suffixes). A custom cloud is an admin's decision: private endpoints and tests.
 *
 * @param name short name as typed in configuration ({@code global}, {@code usgovhigh}, …, or {@code custom})
 * @param authorityHost base URL of the Entra ID login host, e.g. {@code https://login.microsoftonline.com}
 * @param exchangeResource Exchange Online resource (application ID URI)
 * @param graphResource Microsoft Graph resource
 * @param keyVaultSuffix DNS suffix every vault host of this cloud ends with
 * @param exchangeEnvironmentName value for {@code -ExchangeEnvironmentName}
 */
public record Cloud(
        String name,
        URI authorityHost,
        URI exchangeResource,
        URI graphResource,
        String keyVaultSuffix,
        String exchangeEnvironmentName) {

    public static final Cloud GLOBAL = named("global", "https://login.microsoftonline.com",
            "https://outlook.office365.com", "https://graph.microsoft.com", "vault.azure.net", "O365Default");
    public static final Cloud US_GOV_GCC_HIGH = named("usgovhigh", "https://login.microsoftonline.us",
            "https://outlook.office365.us", "https://graph.microsoft.us", "vault.usgovcloudapi.net", "O365USGovGCCHigh");
    public static final Cloud US_GOV_DOD = named("usgovdod", "https://login.microsoftonline.us",
            "https://webmail.apps.mil", "https://dod-graph.microsoft.us", "vault.usgovcloudapi.net", "O365USGovDoD");
    public static final Cloud CHINA = named("china", "https://login.chinacloudapi.cn",
            "https://partner.outlook.cn", "https://microsoftgraph.chinacloudapi.cn", "vault.azure.cn", "O365China");

    /** The clouds that need no further settings, in the order a form lists them. */
    public static final List<Cloud> NAMED = List.of(GLOBAL, US_GOV_GCC_HIGH, US_GOV_DOD, CHINA);

    // A DNS name: labels of letters, digits and inner dashes.
    private static final Pattern DNS_SUFFIX =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    // The values of Connect-ExchangeOnline's -ExchangeEnvironmentName (O365Default, O365USGovGCCHigh, ...).
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    public Cloud {
        Objects.requireNonNull(name, "name");
        requireHttpsBase(authorityHost, "authority host");
        requireHttpsBase(exchangeResource, "Exchange resource");
        requireHttpsBase(graphResource, "Graph resource");
        Objects.requireNonNull(keyVaultSuffix, "keyVaultSuffix");
        Objects.requireNonNull(exchangeEnvironmentName, "exchangeEnvironmentName");
    }

    /**
     * Looks up a named cloud; accepts the short names and the {@code -ExchangeEnvironmentName} values.
     *
     * @throws InvalidInputException naming the accepted values
     */
    public static Cloud byName(@Nullable String value) throws InvalidInputException {
        String wanted = value == null ? "" : value.trim();
        Printable.requireOneLine("Cloud", wanted);
        for (Cloud cloud : NAMED) {
            if (cloud.name.equalsIgnoreCase(wanted) || cloud.exchangeEnvironmentName.equalsIgnoreCase(wanted)) {
                return cloud;
            }
        }
        throw new InvalidInputException("Unknown cloud " + Printable.quote(wanted)
                + ": use one of global, usgovhigh, usgovdod, china,"
                + " or custom with its endpoints set explicitly.");
    }

    /**
     * A cloud whose endpoints an admin sets: a private endpoint, a test simulator.
     *
     * @throws InvalidInputException when an endpoint is not an https URL without path, query or fragment, the
     *     suffix not a DNS name, or the environment name not a name such as {@code O365Default}
     */
    public static Cloud custom(@Nullable String authorityHost, @Nullable String exchangeResource,
            @Nullable String graphResource, @Nullable String keyVaultSuffix, @Nullable String exchangeEnvironmentName)
            throws InvalidInputException {
        URI authority = parseHttps(authorityHost, "authority host");
        URI exchange = parseHttps(exchangeResource, "Exchange resource");
        URI graph = parseHttps(graphResource, "Graph resource");
        String suffix = keyVaultSuffix == null ? "" : keyVaultSuffix.trim().toLowerCase(Locale.ROOT);
        if (!DNS_SUFFIX.matcher(suffix).matches()) {
            throw new InvalidInputException("Custom cloud: the Key Vault DNS suffix must be a host suffix such as"
                    + " vault.azure.net, was " + Printable.quote(keyVaultSuffix) + ".");
        }
        String env = exchangeEnvironmentName == null || exchangeEnvironmentName.isBlank()
                ? GLOBAL.exchangeEnvironmentName : exchangeEnvironmentName.trim();
        // It reaches EXO_ENVIRONMENT_NAME and a PowerShell command line: a plain name only.
        if (!ENVIRONMENT_NAME.matcher(env).matches()) {
            throw new InvalidInputException("Custom cloud: the Exchange environment name must be a name of letters and"
                    + " digits such as O365Default, was " + Printable.quote(exchangeEnvironmentName) + ".");
        }
        return new Cloud("custom", authority, exchange, graph, suffix, env);
    }

    /** Authority URL for a tenant, in the form msal4j expects ({@code https://host/tenant/}). */
    public String authorityFor(String tenant) {
        return authorityHost.toString() + "/" + tenant + "/";
    }

    private static Cloud named(String name, String login, String exchange, String graph, String vault, String env) {
        return new Cloud(name, URI.create(login), URI.create(exchange), URI.create(graph), vault, env);
    }

    private static URI parseHttps(@Nullable String value, String what) throws InvalidInputException {
        return BaseUrl.parseHttps(value).orElseThrow(() -> new InvalidInputException("Custom cloud: the " + what
                + " must be an https URL such as https://login.example.com (no path; a port from 1 to 65535), was "
                + Printable.quote(value) + "."));
    }

    private static void requireHttpsBase(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        if (!BaseUrl.isHttps(uri)) {
            throw new IllegalArgumentException(what + " must be an https URL without path: " + uri);
        }
    }
}
