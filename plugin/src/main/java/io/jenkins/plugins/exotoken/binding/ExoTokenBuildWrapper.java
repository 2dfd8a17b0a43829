package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import java.io.IOException;
import java.util.Set;
import jenkins.tasks.SimpleBuildWrapper;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Use an Exchange Online access token" for freestyle jobs: the same token, variables, masking and files as
 * {@code withExoToken}, for the whole build. Pipelines use the step: through the generic {@code wrap} step the
 * values would be kept unencrypted and not declared sensitive, so this wrapper refuses to run there.
 */
public final class ExoTokenBuildWrapper extends SimpleBuildWrapper implements TokenStepOptions {

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
    public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener,
            EnvVars initialEnvironment) throws IOException, InterruptedException {
        if (!(build instanceof AbstractBuild)) {
            throw new AbortException(Messages.ExoTokenBuildWrapper_pipeline(credentialsId));
        }
        BoundToken bound = TokenBinder.bind(TokenStepOptions.toOptions(this), build, workspace, listener,
                build.getCharset());
        FreestyleMasks.publish(build.getExternalizableId(), bound.consoleFilter().mask());
        bound.environment().plainValues().forEach(context::env);
        context.setDisposer(new Release(bound));
    }

    @Override
    public ConsoleLogFilter createLoggerDecorator(@NonNull Run<?, ?> build) {
        return new FreestyleMaskingFilter(build.getExternalizableId());
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

    /** Removes the build's files and stops the token file's renewal, however the build ends. */
    private static final class Release extends Disposer {
        private static final long serialVersionUID = 1L;

        private final BoundToken bound;

        Release(BoundToken bound) {
            this.bound = bound;
        }

        @Override
        public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            try {
                bound.release(listener);
            } finally {
                FreestyleMasks.forget(build.getExternalizableId());
            }
        }
    }

    @Extension
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
