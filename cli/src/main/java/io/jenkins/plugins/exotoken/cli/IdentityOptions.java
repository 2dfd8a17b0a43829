package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import picocli.CommandLine.Mixin;
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

    @Mixin
    CloudOptions cloud;

    AppIdentity identity() throws InvalidInputException {
        return AppIdentity.of(tenant, clientId, organization, cloud.cloud());
    }
}
