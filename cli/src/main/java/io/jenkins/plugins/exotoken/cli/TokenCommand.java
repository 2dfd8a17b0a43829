package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.token.AccessToken;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code exo-token token}: prints a fresh token. */
@Command(name = "token", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Get an app-only access token and print it (alone, or as JSON with --json).")
final class TokenCommand implements Callable<Integer> {

    @ParentCommand
    ExoTokenCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    TokenOptions options;

    @Option(names = "--json", description = "Print accessToken, tokenType, expiresOn and scope as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AccessToken token = options.acquire(cli.environment, spec.commandLine().getErr()).token();
        String expires = DateTimeFormatter.ISO_INSTANT.format(token.expiresOn().truncatedTo(ChronoUnit.SECONDS));
        spec.commandLine().getOut().println(json
                ? JsonOutput.object(j -> {
                    j.writeStringField("accessToken", token.reveal());
                    j.writeStringField("tokenType", token.tokenType());
                    j.writeStringField("expiresOn", expires);
                    j.writeStringField("scope", token.scope().value());
                })
                : token.reveal());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
