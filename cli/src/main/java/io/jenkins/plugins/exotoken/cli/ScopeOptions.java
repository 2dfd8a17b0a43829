package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import picocli.CommandLine.Option;

/** What the token is for: a named resource, or an explicit scope. */
final class ScopeOptions {

    @Option(names = "--resource", paramLabel = "NAME",
            description = "exchange (default), graph, keyvault, or a resource URL such as https://contoso.sharepoint.com.")
    String resource;

    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "An explicit scope ending in /.default, e.g. https://outlook.office365.com/.default.")
    String scope;

    static TokenScope of(ScopeOptions options, Cloud cloud) throws InvalidInputException {
        if (options != null && options.scope != null) {
            return TokenScope.of(options.scope);
        }
        return TokenScope.forResource(cloud, options == null ? null : options.resource);
    }
}
