package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.exotoken.FieldCheck;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import java.time.Duration;

/**
 * The options the Pipeline step and the freestyle wrapper share, with the same names, so the Snippet Generator,
 * Job DSL and Configuration as Code spell them alike, and the checks both forms run.
 */
interface TokenStepOptions {

    @NonNull
    String getCredentialsId();

    @CheckForNull
    String getResource();

    @CheckForNull
    String getScope();

    @CheckForNull
    String getTokenVariable();

    boolean isTokenFile();

    boolean isCertificateFile();

    @CheckForNull
    Integer getMinimumValidity();

    @NonNull
    static TokenOptions toOptions(@NonNull TokenStepOptions step) {
        return new TokenOptions(step.getCredentialsId(), step.getResource(), step.getScope(), step.getTokenVariable(),
                step.isTokenFile(), step.isCertificateFile(), step.getMinimumValidity());
    }

    @NonNull
    static FormValidation checkScope(@CheckForNull String resource, @CheckForNull String scope) {
        return FieldCheck.of(() -> new TokenOptions("form", resource, scope, null, false, false, null)
                .tokenScope(Cloud.GLOBAL));
    }

    @NonNull
    static FormValidation checkVariable(@CheckForNull String name) {
        return FieldCheck.of(() -> TokenEnvironment.tokenVariable(Util.fixEmptyAndTrim(name)));
    }

    @NonNull
    static FormValidation checkMinimumValidity(@CheckForNull String minutes) {
        String value = Util.fixEmptyAndTrim(minutes);
        if (value == null) {
            return FormValidation.ok();
        }
        try {
            long parsed = Long.parseLong(value);
            return FieldCheck.of(() -> MinimumValidity.of(Duration.ofMinutes(parsed)));
        } catch (NumberFormatException e) {
            return FormValidation.error(io.jenkins.plugins.exotoken.Messages.TokenStepOptions_minutes());
        }
    }

}
