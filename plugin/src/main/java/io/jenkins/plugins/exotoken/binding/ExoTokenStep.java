package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.Messages;
import java.io.Serial;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withExoToken(credentialsId: 'exo-app') { ... }}: a fresh app-only token for Exchange Online (or another
 * resource) in the block's environment, masked in its log, with an opt-in token file renewed while the block runs
 * and an opt-in certificate file, both removed when the block ends.
 */
public final class ExoTokenStep extends Step implements TokenStepOptions {

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
    public ExoTokenStep(@NonNull String credentialsId) {
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

    /** Minutes a cached token must still be valid for; a token with less time left is replaced. */
    @DataBoundSetter
    public void setMinimumValidity(@CheckForNull Integer minimumValidity) {
        this.minimumValidity = minimumValidity;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, TokenStepOptions.toOptions(this));
    }

    /** Binds off the CPS thread, runs the body with the token, and releases the files in the tail call. */
    private static final class Execution extends GeneralNonBlockingStepExecution {

        @Serial
        private static final long serialVersionUID = 1L;

        private final TokenOptions options;

        @CheckForNull
        private BoundToken bound;

        Execution(StepContext context, TokenOptions options) {
            super(context);
            this.options = options;
        }

        @Override
        public boolean start() {
            run(this::bindAndStart);
            return false;
        }

        private void bindAndStart() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            FilePath workspace = context.get(FilePath.class);
            bound = TokenBinder.bind(options, run, workspace, listener, run.getCharset());
            context.newBodyInvoker()
                    .withContexts(
                            EnvironmentExpander.merge(context.get(EnvironmentExpander.class), bound.environment()),
                            BodyInvoker.mergeConsoleLogFilters(
                                    context.get(hudson.console.ConsoleLogFilter.class), bound.consoleFilter()),
                            FailureHandler.merge(context.get(FailureHandler.class), bound.failureHandler()))
                    .withCallback(new Release())
                    .start();
        }

        @Override
        public void onResume() {
            super.onResume();
            BoundToken resumed = bound;
            if (resumed != null) {
                run(() -> resumed.resume(getContext().get(Run.class), getContext().get(TaskListener.class)));
            }
        }

        private final class Release extends TailCall {
            @Serial
            private static final long serialVersionUID = 1L;

            @Override
            protected void finished(StepContext context) throws Exception {
                if (bound != null) {
                    bound.release(context.get(TaskListener.class));
                }
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "withExoToken";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ExoTokenStep_displayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
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
