package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code exo-token exec}: runs a command with the token in its environment.
 *
 * <p>The command gets what it needs and no more: the token and its context, not the variables exo-token read
 * its long-lived secrets from (a client secret outlives any token; a certificate's password unlocks the key).
 */
@Command(name = "exec", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Run COMMAND with a fresh token in its environment: EXO_ACCESS_TOKEN (or --token-variable),"
                + " EXO_TOKEN_EXPIRES_ON, EXO_ORGANIZATION, EXO_APP_ID, EXO_TENANT_ID, EXO_ENVIRONMENT_NAME."
                + " The variables named by --client-secret-env, --password-env, --vault-client-secret-env and"
                + " --vault-password-env are removed from its environment."
                + " Returns the command's exit status.")
final class ExecCommand implements Callable<Integer> {

    @ParentCommand
    ExoTokenCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    TokenOptions options;

    @Option(names = "--token-variable", paramLabel = "NAME", description = "Name of the token's variable"
            + " (default: EXO_ACCESS_TOKEN); not one of the names above, nor one that decides what a process loads"
            + " or runs (PATH, LD_PRELOAD, BASH_ENV, …).")
    String tokenVariable;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --.")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        // Input first: nothing is requested from Entra ID for a run that cannot start.
        requireCommandAfterDoubleDash();
        String tokenName = TokenEnvironment.tokenVariable(tokenVariable);
        TokenOptions.Acquired acquired = options.acquire(cli.environment, spec.commandLine().getErr());
        TokenEnvironment environment = TokenEnvironment.of(acquired.identity(), acquired.token(), tokenName);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().keySet().removeAll(options.secret.secretVariables());
        builder.environment().putAll(environment.variables());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot run " + Printable.quote(command.get(0)) + ": "
                    + Printable.escape(e.getMessage()));
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

    // A word before "--" that picocli took as COMMAND is more likely a misplaced value (or secret) than a command.
    private void requireCommandAfterDoubleDash() {
        List<String> words = spec.commandLine().getParseResult().originalArgs();
        int dashes = words.indexOf("--");
        if (dashes < 0 || words.size() - dashes - 1 != command.size()) {
            throw new ParameterException(spec.commandLine(), "exec runs the command given after --, as in"
                    + " exo-token exec [OPTIONS] -- COMMAND [ARGS...]; "
                    + (dashes < 0 ? "there is no --" : "an argument before -- is not an option's value")
                    + " (arguments are not repeated here, in case one is a secret)");
        }
    }
}
