package io.jenkins.plugins.exotoken.core.env;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.input.Printable;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The environment variables a block (a Pipeline body, a freestyle build, {@code exo-token exec}) receives
 * with a token: the token itself and what {@code Connect-ExchangeOnline} needs beside it.
 *
 * <p>The token's variable can be renamed. A name must be a {@linkplain #isVariableName portable variable name},
 * must not be one of the {@linkplain #FIXED_NAMES names set beside the token}, and must not be a
 * {@linkplain #isReserved reserved name}: one the operating system, a shell or a language runtime reads to
 * decide what to load or run, where a token would change what the block runs or leak it (the loader prints an
 * unloadable {@code LD_PRELOAD}).
 *
 * @param variables names to values, in a stable order
 * @param sensitive names whose values are secret (to mask, never to persist unencrypted)
 */
public record TokenEnvironment(Map<String, String> variables, Set<String> sensitive) {

    public static final String ACCESS_TOKEN = "EXO_ACCESS_TOKEN";
    public static final String EXPIRES_ON = "EXO_TOKEN_EXPIRES_ON";
    public static final String ORGANIZATION = "EXO_ORGANIZATION";
    public static final String APP_ID = "EXO_APP_ID";
    public static final String TENANT_ID = "EXO_TENANT_ID";
    public static final String ENVIRONMENT_NAME = "EXO_ENVIRONMENT_NAME";
    /** Opt-in: the token file that stays fresh. */
    public static final String ACCESS_TOKEN_FILE = "EXO_ACCESS_TOKEN_FILE";
    /** Opt-in, certificate sources: the certificate file, its password, its thumbprint. */
    public static final String CERTIFICATE_PATH = "EXO_CERTIFICATE_PATH";
    public static final String CERTIFICATE_PASSWORD = "EXO_CERTIFICATE_PASSWORD";
    public static final String CERTIFICATE_THUMBPRINT = "EXO_CERTIFICATE_THUMBPRINT";

    /** The names a block receives beside the token (some opt-in); the token's variable must not replace one. */
    public static final List<String> FIXED_NAMES = List.of(EXPIRES_ON, ORGANIZATION, APP_ID, TENANT_ID,
            ENVIRONMENT_NAME, ACCESS_TOKEN_FILE, CERTIFICATE_PATH, CERTIFICATE_PASSWORD, CERTIFICATE_THUMBPRINT);

    // POSIX's portable names (also valid on Windows): what every shell can read back as $NAME.
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    // Names that decide what a process loads or runs, or where it finds programs and files (compared in upper
    // case: Windows' names are case-insensitive):
    private static final Set<String> RESERVED = Set.of(
            // program lookup, the user's home and temporary files, the shell itself (POSIX, Windows)
            "PATH", "PATHEXT", "CDPATH", "HOME", "USERPROFILE", "SHELL", "COMSPEC", "SYSTEMROOT", "WINDIR",
            "TMPDIR", "TMP", "TEMP",
            // shell start-up and parsing (sh, bash, zsh)
            "IFS", "ENV", "BASH_ENV", "SHELLOPTS", "BASHOPTS", "GLOBIGNORE", "PROMPT_COMMAND", "PS1", "PS2", "PS3",
            "PS4", "ZDOTDIR",
            // glibc's list of variables it removes for set-user-id programs, besides LD_* (UNSECURE_ENVVARS)
            "GCONV_PATH", "GETCONF_DIR", "HOSTALIASES", "LOCALDOMAIN", "LOCPATH", "MALLOC_TRACE", "NIS_PATH",
            "NLSPATH", "RESOLV_HOST_CONF", "RES_OPTIONS", "TZDIR",
            // language runtimes that load code or options from the environment
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH", "NODE_OPTIONS", "NODE_PATH",
            "PERL5LIB", "PERL5OPT", "PERLLIB", "RUBYLIB", "RUBYOPT", "PSMODULEPATH");
    private static final List<String> RESERVED_PREFIXES = List.of(
            "LD_", "DYLD_", // the dynamic loaders of Linux and macOS
            "PYTHON", // PYTHONPATH, PYTHONSTARTUP, PYTHONHOME, ...
            "DOTNET_", "COREHOST_", "CORECLR_", "COMPLUS_", // .NET, which PowerShell runs on: startup hooks, profilers
            "GIT_"); // GIT_SSH_COMMAND, GIT_EXEC_PATH, GIT_CONFIG_*: commands git runs

    public TokenEnvironment {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        sensitive = Set.copyOf(sensitive);
    }

    /**
     * @param tokenVariable the name of the token's variable, {@code null} for {@value #ACCESS_TOKEN}; see
     *     {@link #tokenVariable}
     * @throws InvalidInputException when {@code tokenVariable} cannot be used
     */
    public static TokenEnvironment of(AppIdentity identity, AccessToken token, @Nullable String tokenVariable)
            throws InvalidInputException {
        String name = tokenVariable(tokenVariable);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(name, token.reveal());
        variables.put(EXPIRES_ON, DateTimeFormatter.ISO_INSTANT.format(token.expiresOn().truncatedTo(ChronoUnit.SECONDS)));
        variables.put(ORGANIZATION, identity.organization());
        variables.put(APP_ID, identity.clientId());
        variables.put(TENANT_ID, identity.tenant());
        variables.put(ENVIRONMENT_NAME, identity.cloud().exchangeEnvironmentName());
        return new TokenEnvironment(variables, Set.of(name));
    }

    /**
     * Validates the name of the token's variable; surrounding whitespace is dropped.
     *
     * @param name the name, or {@code null} for {@value #ACCESS_TOKEN} (an empty name is an error: a caller whose
     *     form yields {@code ""} for an unset field passes {@code null})
     * @return the name to use
     * @throws InvalidInputException when the name is empty, not a {@linkplain #isVariableName variable name}, one
     *     of the {@link #FIXED_NAMES}, or {@linkplain #isReserved reserved}
     */
    public static String tokenVariable(@Nullable String name) throws InvalidInputException {
        if (name == null) {
            return ACCESS_TOKEN;
        }
        String n = name.trim();
        if (n.isEmpty()) {
            throw new InvalidInputException("Token variable name is empty: give a name such as GRAPH_TOKEN, or leave"
                    + " it unset for " + ACCESS_TOKEN + ".");
        }
        if (!isVariableName(n)) {
            throw new InvalidInputException("Token variable " + Printable.quote(n) + " is not a valid environment"
                    + " variable name: use letters, digits and underscores, not starting with a digit.");
        }
        for (String fixed : FIXED_NAMES) {
            if (fixed.equalsIgnoreCase(n)) {
                throw new InvalidInputException("Token variable " + n + " would replace the " + fixed + " set beside"
                        + " the token: choose another name, such as GRAPH_TOKEN.");
            }
        }
        if (isReserved(n)) {
            throw new InvalidInputException("Token variable " + n + " is a name the operating system, a shell or a"
                    + " language runtime reads to decide what to load or run: choose another name, such as"
                    + " GRAPH_TOKEN.");
        }
        return n;
    }

    /** Whether the name is a portable environment variable name: letters, digits and {@code _}, no leading digit. */
    public static boolean isVariableName(@Nullable String name) {
        return name != null && VARIABLE_NAME.matcher(name).matches();
    }

    /**
     * Whether the name is one a process reads to decide what to load or run, or where to find programs and
     * files ({@code PATH}, {@code LD_PRELOAD}, {@code BASH_ENV}, {@code JAVA_TOOL_OPTIONS}, {@code PSModulePath},
     * …), compared without regard to case.
     */
    public static boolean isReserved(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return RESERVED.contains(upper) || RESERVED_PREFIXES.stream().anyMatch(upper::startsWith);
    }

    /** Never prints secret values. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TokenEnvironment[");
        variables.forEach((k, v) -> text.append(k).append('=').append(sensitive.contains(k) ? "****" : v).append(", "));
        return text.append(']').toString();
    }
}
