package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import java.io.Serializable;
import java.time.Duration;

/**
 * What a block asks for, the same for the Pipeline step and the freestyle wrapper: which credential, which
 * resource or scope, the token variable's name, whether it wants a token file or a certificate file, and how
 * much validity a cached token must still have.
 *
 * @param credentialsId the Exchange Online app credential
 * @param resource {@code exchange} (when neither this nor scope is set), {@code graph}, …
 * @param scope an explicit scope ending in {@code /.default}, instead of a resource
 * @param tokenVariable the token variable's name; {@code null} for {@code EXO_ACCESS_TOKEN}
 * @param tokenFile whether the block gets {@code EXO_ACCESS_TOKEN_FILE}, renewed while it runs
 * @param certificateFile whether the block gets the certificate as a PFX file
 * @param minimumValidityMinutes a cached token with less time left is replaced; {@code null} for the default
 */
public record TokenOptions(@NonNull String credentialsId, @CheckForNull String resource, @CheckForNull String scope,
        @CheckForNull String tokenVariable, boolean tokenFile, boolean certificateFile,
        @CheckForNull Integer minimumValidityMinutes) implements Serializable {

    public TokenOptions {
        credentialsId = Util.fixNull(credentialsId).trim();
        resource = Util.fixEmptyAndTrim(resource);
        scope = Util.fixEmptyAndTrim(scope);
        tokenVariable = Util.fixEmptyAndTrim(tokenVariable);
    }

    /**
     * The scope to request in {@code cloud}.
     *
     * @throws InvalidInputException when both a resource and a scope are given, or either is not valid
     */
    @NonNull
    public TokenScope tokenScope(@NonNull Cloud cloud) throws InvalidInputException {
        if (resource != null && scope != null) {
            throw new InvalidInputException(Messages.TokenOptions_resourceAndScope(resource, scope));
        }
        return scope != null ? TokenScope.of(scope) : TokenScope.forResource(cloud, resource);
    }

    /**
     * The minimum validity, checked.
     *
     * @throws InvalidInputException when outside what core allows
     */
    @CheckForNull
    public MinimumValidity minimumValidity() throws InvalidInputException {
        return minimumValidityMinutes == null ? null
                : MinimumValidity.of(Duration.ofMinutes(minimumValidityMinutes));
    }

    /**
     * The token variable's name, checked.
     *
     * @throws InvalidInputException when it is not a variable name, or one that must not be replaced
     */
    @NonNull
    public String variable() throws InvalidInputException {
        return TokenEnvironment.tokenVariable(tokenVariable);
    }

    /** Checks every option that can be checked without the credential, for forms and before any lookup. */
    public void check() throws InvalidInputException {
        if (credentialsId.isEmpty()) {
            throw new InvalidInputException(Messages.TokenOptions_noCredential());
        }
        tokenScope(Cloud.GLOBAL);
        minimumValidity();
        variable();
    }
}
