package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import picocli.CommandLine.Option;

/** Which app registration signs in, and in which cloud. */
final class IdentityOptions {

    @Option(names = "--tenant", required = true, paramLabel = "ID",
            description = "Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com.")
    String tenant;

    @Option(names = "--client-id", required = true, paramLabel = "GUID",
            description = "Application (client) ID of the app registration.")
    String clientId;

    @Option(names = "--organization", paramLabel = "DOMAIN",
            description = "Organization for Connect-ExchangeOnline -Organization (default: the tenant).")
    String organization;

    @Option(names = "--cloud", paramLabel = "NAME", defaultValue = "global",
            description = "global, usgovhigh, usgovdod, china, or custom (default: ${DEFAULT-VALUE}).")
    String cloud;

    @Option(names = "--authority-host", paramLabel = "URL",
            description = "Custom cloud: the Entra ID login host, e.g. https://login.example.com.")
    String authorityHost;

    @Option(names = "--exchange-resource", paramLabel = "URL",
            description = "Custom cloud: the Exchange Online resource (default: https://outlook.office365.com).")
    String exchangeResource;

    @Option(names = "--graph-resource", paramLabel = "URL",
            description = "Custom cloud: the Microsoft Graph resource (default: https://graph.microsoft.com).")
    String graphResource;

    @Option(names = "--key-vault-suffix", paramLabel = "SUFFIX",
            description = "Custom cloud: the Key Vault DNS suffix (default: vault.azure.net).")
    String keyVaultSuffix;

    @Option(names = "--environment-name", paramLabel = "NAME",
            description = "Custom cloud: the -ExchangeEnvironmentName value (default: O365Default).")
    String environmentName;

    AppIdentity identity() throws InvalidInputException {
        return AppIdentity.of(tenant, clientId, organization, cloud());
    }

    private Cloud cloud() throws InvalidInputException {
        boolean customEndpoints = authorityHost != null || exchangeResource != null || graphResource != null
                || keyVaultSuffix != null || environmentName != null;
        if (!"custom".equalsIgnoreCase(cloud.trim())) {
            if (customEndpoints) {
                throw new InvalidInputException("--authority-host, --exchange-resource, --graph-resource,"
                        + " --key-vault-suffix and --environment-name go with --cloud custom; the named clouds"
                        + " know their endpoints.");
            }
            return Cloud.byName(cloud);
        }
        if (authorityHost == null) {
            throw new InvalidInputException("--cloud custom needs --authority-host (the Entra ID login host URL).");
        }
        return Cloud.custom(authorityHost,
                orDefault(exchangeResource, Cloud.GLOBAL.exchangeResource().toString()),
                orDefault(graphResource, Cloud.GLOBAL.graphResource().toString()),
                orDefault(keyVaultSuffix, Cloud.GLOBAL.keyVaultSuffix()),
                environmentName);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
