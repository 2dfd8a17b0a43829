package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code exo-token exec}: runs a command with the token in its environment. */
@Command(name = "exec", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Run COMMAND with a fresh token in its environment: EXO_ACCESS_TOKEN (or --token-variable),"
                + " EXO_TOKEN_EXPIRES_ON, EXO_ORGANIZATION, EXO_APP_ID, EXO_TENANT_ID, EXO_ENVIRONMENT_NAME."
                + " Returns the command's exit status.")
final class ExecCommand implements Callable<Integer> {

    @ParentCommand
    ExoTokenCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    TokenOptions options;

    @Option(names = "--token-variable", paramLabel = "NAME", description = "Name of the token's variable"
            + " (default: EXO_ACCESS_TOKEN).")
    String tokenVariable;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --.")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        TokenOptions.Acquired acquired = options.acquire(cli.environment, spec.commandLine().getErr());
        TokenEnvironment environment = TokenEnvironment.of(acquired.identity(), acquired.token(), tokenVariable);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment.variables());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot run '" + command.get(0) + "': " + e.getMessage());
        }
        // Ctrl-C or a kill of exo-token ends the command too.
        Thread reaper = new Thread(process::destroy, "exo-token-exec-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            return process.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
