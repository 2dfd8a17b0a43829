package org.jenkinsci.plugins.workflow.steps;

/**
 * Compile-only declaration of {@code GeneralNonBlockingStepExecution} (jenkinsci/workflow-step-api-plugin): a step
 * whose work runs off the Pipeline's thread. Running it needs Jenkins (upstream runs the block as the current user
 * in Jenkins' step thread pool), so {@link #run} throws here.
 */
public abstract class GeneralNonBlockingStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    protected GeneralNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    /** Work for {@link #run}: may throw, need not return a value. */
    @FunctionalInterface
    protected interface Block {
        void run() throws Exception;
    }

    protected final void run(Block block) {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }

    /** Upstream fails the step if it was running a block when Jenkins stopped; the stub has no such state. */
    @Override
    public void onResume() {}

    /** A body callback whose {@link #finished} runs through {@link #run}, off the Pipeline's thread. */
    protected abstract class TailCall extends BodyExecutionCallback {

        private static final long serialVersionUID = 1L;

        protected abstract void finished(StepContext context) throws Exception;

        @Override
        public final void onSuccess(StepContext context, Object result) {
            run(() -> finished(context));
        }

        @Override
        public final void onFailure(StepContext context, Throwable t) {
            run(() -> finished(context));
        }
    }
}
