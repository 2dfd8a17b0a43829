package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
                + " --vault-password-env are removed from its environment. With --token-file, also"
                + " EXO_ACCESS_TOKEN_FILE: a file holding the token, renewed before it expires while COMMAND runs"
                + " and removed when it ends."
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

    @Option(names = "--token-file", description = "Also set EXO_ACCESS_TOKEN_FILE: a file in a new private"
            + " temporary directory holding the token alone, replaced by a fresh token before it expires (at 75 %"
            + " of its lifetime) for as long as COMMAND runs, and removed when it ends, however it ends.")
    boolean tokenFile;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --.")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        // Input first: nothing is requested from Entra ID for a run that cannot start.
        requireCommandAfterDoubleDash();
        String tokenName = TokenEnvironment.tokenVariable(tokenVariable);
        PrintWriter err = spec.commandLine().getErr();
        try (TokenOptions.Session session = options.open(cli.environment, err)) {
            TokenEnvironment environment = TokenEnvironment.of(session.identity(), session.token(), tokenName);
            if (!tokenFile) {
                return run(environment.variables(), new Reaper());
            }
            // The hook is in place before the file exists: a signal at any moment after this removes it.
            Reaper reaper = new Reaper();
            reaper.install();
            try {
                reaper.file = RenewedTokenFile.start(session, err);
                Map<String, String> variables = new LinkedHashMap<>(environment.variables());
                variables.put(TokenEnvironment.ACCESS_TOKEN_FILE, reaper.file.path().toString());
                return run(variables, reaper);
            } finally {
                reaper.finish();
            }
        }
    }

    /** Runs the command; ends it, then removes the token file, whether it ends or exo-token is signalled. */
    private int run(Map<String, String> variables, Reaper reaper) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().keySet().removeAll(options.secret.secretVariables());
        builder.environment().putAll(variables);
        reaper.install();
        try {
            reaper.process = builder.start();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot run " + Printable.quote(command.get(0)) + ": "
                    + Printable.escape(e.getMessage()));
        }
        try {
            return reaper.process.waitFor();
        } finally {
            reaper.finish();
        }
    }

    /**
     * Ctrl-C or a kill of exo-token ends the command too, and removes the token file: the JVM ends once its
     * shutdown hooks have run, whatever the main thread was doing. Installed before the file or the command
     * exists, so no signal falls between their start and the hook.
     */
    private static final class Reaper extends Thread {
        private volatile @Nullable Process process;
        private volatile @Nullable RenewedTokenFile file;
        private boolean installed;

        Reaper() {
            super("exo-token-exec-reaper");
        }

        void install() {
            if (!installed) {
                Runtime.getRuntime().addShutdownHook(this);
                installed = true;
            }
        }

        @Override
        public void run() {
            try {
                end();
            } catch (IOException | InterruptedException e) {
                // the JVM is ending: nowhere left to report it
            }
        }

        /** The normal end: the hook is no longer needed; the file goes. */
        void finish() throws IOException, InterruptedException {
            try {
                Runtime.getRuntime().removeShutdownHook(this);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            RenewedTokenFile held = file;
            if (held != null) {
                held.close();
            }
        }

        private void end() throws IOException, InterruptedException {
            Process running = process;
            if (running != null) {
                running.destroy();
                if (!running.waitFor(10, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            }
            RenewedTokenFile held = file;
            if (held != null) {
                held.close();
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
