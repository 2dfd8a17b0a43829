package io.jenkins.plugins.exotoken.core.env;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The environment variables a block (a Pipeline body, a freestyle build, {@code exo-token exec}) receives
 * with a token: the token itself and what {@code Connect-ExchangeOnline} needs beside it.
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

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TokenEnvironment {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        sensitive = Set.copyOf(sensitive);
    }

    /**
     * @param tokenVariable the name of the token's variable; {@code null} or blank for {@value #ACCESS_TOKEN}
     * @throws InvalidInputException when {@code tokenVariable} is not a valid variable name
     */
    public static TokenEnvironment of(AppIdentity identity, AccessToken token, String tokenVariable)
            throws InvalidInputException {
        String name = tokenVariable == null || tokenVariable.isBlank() ? ACCESS_TOKEN : tokenVariable.trim();
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw new InvalidInputException("Token variable '" + name + "' is not a valid environment variable"
                    + " name: use letters, digits and underscores, not starting with a digit.");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(name, token.reveal());
        variables.put(EXPIRES_ON, DateTimeFormatter.ISO_INSTANT.format(token.expiresOn().truncatedTo(ChronoUnit.SECONDS)));
        variables.put(ORGANIZATION, identity.organization());
        variables.put(APP_ID, identity.clientId());
        variables.put(TENANT_ID, identity.tenant());
        variables.put(ENVIRONMENT_NAME, identity.cloud().exchangeEnvironmentName());
        return new TokenEnvironment(variables, Set.of(name));
    }

    /** Never prints secret values. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TokenEnvironment[");
        variables.forEach((k, v) -> text.append(k).append('=').append(sensitive.contains(k) ? "****" : v).append(", "));
        return text.append(']').toString();
    }
}
