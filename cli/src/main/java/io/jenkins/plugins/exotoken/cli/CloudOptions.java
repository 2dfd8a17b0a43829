package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import picocli.CommandLine.Option;

/** Which Microsoft cloud: a named one, or a custom one with its endpoints. */
final class CloudOptions {

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

    Cloud cloud() throws InvalidInputException {
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
