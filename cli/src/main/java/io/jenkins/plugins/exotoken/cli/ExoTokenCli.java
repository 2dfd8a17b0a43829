package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.redact.Redactor;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exo-token}: inspect an app certificate, get an app-only token, run a command with one, or create a
 * certificate.
 *
 * <p>Exit status: 0 success; 1 authentication or remote failure; 2 invalid usage or input; for {@code exec},
 * otherwise the command's own status.
 */
@Command(
        name = "exo-token",
        mixinStandardHelpOptions = true,
        versionProvider = ExoTokenCli.Version.class,
        description = "Microsoft Entra ID app-only access tokens for Exchange Online and other Microsoft 365 APIs,"
                + " from an app registration's certificate or client secret.",
        usageHelpAutoWidth = true,
        subcommands = {InspectCommand.class, TokenCommand.class, ExecCommand.class, NewCertificateCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "Exit status: 0 success, 1 authentication or remote failure, 2 invalid usage or input;"
                    + " exec returns the command's own status.",
            "Secrets are read only from environment variables or files, never from the command line."
                    + " TLS trust and proxies follow the JVM's standard properties (javax.net.ssl.trustStore,"
                    + " https.proxyHost, https.proxyPort, http.nonProxyHosts)."
        })
public final class ExoTokenCli {

    static final int EXIT_REMOTE = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = "--debug", description = "Show stack traces of failures and the FINE logs of exo-token and msal4j"
            + " on stderr (secrets and tokens masked).", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    /** Masks the run's secrets in what it prints on stderr; set once the command line is parsed. */
    Redactor redactor = Redactor.tokenShapes();

    final Map<String, String> environment;

    ExoTokenCli(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    static int run(Map<String, String> environment, String... args) {
        ExoTokenCli cli = new ExoTokenCli(environment);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setExecutionStrategy(parsed -> {
            cli.redactor = GivenSecrets.redactor(parsed, environment);
            DebugLog.configure(cli.debug, cli.redactor, System.err);
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> failure(cli, line.getErr(), e));
        commandLine.setParameterExceptionHandler(new UsageErrors());
        return commandLine.execute(args);
    }

    /** One line; with {@code --debug} the stack trace. Both redacted: causes may carry a service's echo. */
    private static int failure(ExoTokenCli cli, PrintWriter err, Exception e) {
        err.println("error: " + cli.redactor.redact(
                e instanceof ExoTokenException ? e.getMessage() : "unexpected failure: " + e));
        if (cli.debug) {
            err.print(cli.redactor.stackTrace(e));
        }
        err.flush();
        return e instanceof InvalidInputException ? EXIT_USAGE : EXIT_REMOTE;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ExoTokenCli.class.getPackage().getImplementationVersion();
            return new String[] {"exo-token " + (version == null ? "(development build)" : version)};
        }
    }
}
