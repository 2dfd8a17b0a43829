package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.tasks.BuildWrapper;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import io.jenkins.plugins.exotoken.core.redact.MaskingOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Use an Exchange Online access token" for freestyle jobs: the same token, variables, masking and files as
 * {@code withExoToken}, for the whole build. A plain {@link BuildWrapper}, not a {@code SimpleBuildWrapper}, so
 * Pipeline's generic {@code wrap} step does not offer it (that path keeps values unencrypted and declares none
 * sensitive): Pipelines use {@code withExoToken}.
 */
public final class ExoTokenBuildWrapper extends BuildWrapper implements TokenStepOptions {

    private final String credentialsId;

    @CheckForNull
    private String resource;

    @CheckForNull
    private String scope;

    @CheckForNull
    private String tokenVariable;

    private boolean tokenFile;

    private boolean certificateFile;

    @CheckForNull
    private Integer minimumValidity;

    @DataBoundConstructor
    public ExoTokenBuildWrapper(@NonNull String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    @NonNull
    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @CheckForNull
    @Override
    public String getResource() {
        return resource;
    }

    @DataBoundSetter
    public void setResource(@CheckForNull String resource) {
        this.resource = Util.fixEmptyAndTrim(resource);
    }

    @CheckForNull
    @Override
    public String getScope() {
        return scope;
    }

    @DataBoundSetter
    public void setScope(@CheckForNull String scope) {
        this.scope = Util.fixEmptyAndTrim(scope);
    }

    @CheckForNull
    @Override
    public String getTokenVariable() {
        return tokenVariable;
    }

    @DataBoundSetter
    public void setTokenVariable(@CheckForNull String tokenVariable) {
        this.tokenVariable = Util.fixEmptyAndTrim(tokenVariable);
    }

    @Override
    public boolean isTokenFile() {
        return tokenFile;
    }

    @DataBoundSetter
    public void setTokenFile(boolean tokenFile) {
        this.tokenFile = tokenFile;
    }

    @Override
    public boolean isCertificateFile() {
        return certificateFile;
    }

    @DataBoundSetter
    public void setCertificateFile(boolean certificateFile) {
        this.certificateFile = certificateFile;
    }

    @CheckForNull
    @Override
    public Integer getMinimumValidity() {
        return minimumValidity;
    }

    @DataBoundSetter
    public void setMinimumValidity(@CheckForNull Integer minimumValidity) {
        this.minimumValidity = minimumValidity;
    }

    @Override
    public Environment setUp(AbstractBuild build, Launcher launcher, BuildListener listener)
            throws IOException, InterruptedException {
        String id = build.getExternalizableId();
        BoundToken bound = TokenBinder.bind(TokenStepOptions.toOptions(this), build, build.getWorkspace(), listener,
                build.getCharset());
        FreestyleMasks.publish(id, bound.consoleFilter().mask());
        Map<String, String> variables = bound.environment().plainValues();
        return new Environment() {
            @Override
            public void buildEnvVars(Map<String, String> env) {
                env.putAll(variables);
            }

            @Override
            public boolean tearDown(AbstractBuild finished, BuildListener finishedListener)
                    throws IOException, InterruptedException {
                try {
                    bound.release(finishedListener);
                } finally {
                    FreestyleMasks.forget(id);
                }
                return true;
            }
        };
    }

    /** Installed when the build starts, before {@link #setUp}: token shapes at once, the values once bound. */
    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        String id = build.getExternalizableId();
        return new MaskingOutputStream(logger, () -> FreestyleMasks.masker(id), build.getCharset());
    }

    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        try {
            sensitiveVariables.add(TokenStepOptions.toOptions(this).variable());
        } catch (InvalidInputException e) {
            // setUp refuses the name; nothing of it reaches the build
        }
        if (certificateFile) {
            sensitiveVariables.add(TokenEnvironment.CERTIFICATE_PASSWORD);
        }
    }

    @Extension
    @Symbol("exchangeOnlineToken")
    public static final class DescriptorImpl extends BuildWrapperDescriptor {
        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ExoTokenBuildWrapper_displayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter String credentialsId) {
            return AppChoices.forJob(item, credentialsId);
        }

        @POST
        public FormValidation doCheckResource(@QueryParameter String value, @QueryParameter String scope) {
            return TokenStepOptions.checkScope(value, scope);
        }

        @POST
        public FormValidation doCheckTokenVariable(@QueryParameter String value) {
            return TokenStepOptions.checkVariable(value);
        }

        @POST
        public FormValidation doCheckMinimumValidity(@QueryParameter String value) {
            return TokenStepOptions.checkMinimumValidity(value);
        }
    }
}
