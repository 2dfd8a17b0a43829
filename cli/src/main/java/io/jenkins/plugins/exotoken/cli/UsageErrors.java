package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.input.Printable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error as one line ({@code error: … Try 'exo-token token --help' for the options.}), exit 2.
 *
 * <p>picocli's own messages repeat what was typed. An unknown option's value and a stray argument are exactly
 * where a secret typed on the command line lands ({@code --client-secret=…}, {@code --password …}), so those
 * are never repeated; other messages are shown with control characters escaped.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    static final String SECRETS_COME_FROM = "Secrets are read only from environment variables or files:"
            + " --client-secret-env VAR or --client-secret-file FILE, --password-env VAR or --password-file FILE"
            + " (a certificate's password), --vault-client-secret-env VAR, --vault-password-env VAR";

    // An option name worth repeating: letters, digits and dashes. Anything else might be a secret that starts with '-'.
    private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]{0,40}");
    private static final Pattern INDEX = Pattern.compile("index (\\d+)");

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + message(e) + " Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help' for the options.");
        err.flush();
        return ExoTokenCli.EXIT_USAGE;
    }

    static String message(ParameterException e) {
        String text = e instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched)
                : Printable.escape(withoutErrorPrefix(e.getMessage()));
        return text.endsWith(".") || text.endsWith("?") ? text : text + ".";
    }

    private static String unmatched(UnmatchedArgumentException e) {
        CommandLine line = e.getCommandLine();
        // Only the top command has subcommands: a word it does not know is a mistyped command.
        if (!line.getSubcommands().isEmpty() && !e.getUnmatched().get(0).startsWith("-")) {
            return "Unknown command: use one of " + String.join(", ", line.getSubcommands().keySet());
        }
        List<String> options = new ArrayList<>();
        int unnamed = 0;
        int stray = 0;
        boolean secretLike = false;
        for (String argument : e.getUnmatched()) {
            if (argument.startsWith("-") && argument.length() > 1) {
                String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
                if (OPTION_NAME.matcher(name).matches()) {
                    options.add(name);
                    secretLike |= namesASecret(name);
                } else {
                    unnamed++;
                }
            } else {
                stray++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            parts.add((options.size() == 1 ? "Unknown option " : "Unknown options ") + String.join(", ", options));
        }
        if (unnamed > 0) {
            parts.add(unnamed == 1 ? "an unknown option" : unnamed + " unknown options");
        }
        if (stray > 0) {
            Matcher index = INDEX.matcher(String.valueOf(e.getMessage()));
            String where = options.isEmpty() && unnamed == 0 && index.find()
                    ? " at word " + (Integer.parseInt(index.group(1)) + 1) + " after exo-token" : "";
            parts.add((stray == 1 ? "an unexpected argument" : stray + " unexpected arguments") + where);
        }
        String what = String.join(" and ", parts);
        what = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        boolean hidesSomething = unnamed > 0 || stray > 0 || e.getUnmatched().stream().anyMatch(a -> a.contains("="));
        if (!secretLike && !hidesSomething) {
            List<String> suggestions = e.getSuggestions();
            return what + (suggestions.isEmpty() ? "" : ": did you mean " + String.join(" or ", suggestions) + "?");
        }
        return what + " (values are not repeated here, in case one is a secret). " + secretHint(options) + ".";
    }

    private static boolean namesASecret(String option) {
        String name = option.toLowerCase(Locale.ROOT);
        return name.contains("secret") || name.contains("pass") || name.contains("pwd") || name.contains("token")
                || name.contains("key");
    }

    // Names the options for what the user tried to pass, or all of them.
    private static String secretHint(List<String> options) {
        for (String option : options) {
            String name = option.toLowerCase(Locale.ROOT);
            boolean vault = name.contains("vault");
            if (name.contains("secret")) {
                return "Secrets are read from the environment or a file, never from the command line: "
                        + (vault ? "--vault-client-secret-env VAR" : "--client-secret-env VAR or --client-secret-file FILE");
            }
            if (name.contains("pass") || name.contains("pwd")) {
                return "Passwords are read from the environment or a file, never from the command line: "
                        + (vault ? "--vault-password-env VAR" : "--password-env VAR or --password-file FILE");
            }
        }
        return SECRETS_COME_FROM;
    }

    // picocli's argument-group messages start with "Error: ", which after "error: " reads twice.
    private static String withoutErrorPrefix(String message) {
        String text = message == null ? "" : message.strip();
        return text.regionMatches(true, 0, "Error: ", 0, 7) ? text.substring(7) : text;
    }
}
