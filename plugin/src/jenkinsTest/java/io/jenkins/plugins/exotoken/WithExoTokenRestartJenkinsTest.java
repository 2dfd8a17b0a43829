package io.jenkins.plugins.exotoken;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

// Runs only in the real plugin build: a block that spans a controller restart.
class WithExoTokenRestartJenkinsTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void theBlockGoesOnAfterARestartAndTheBuildDirectoryNeverHoldsTheToken() throws Throwable {
        try (SimulatedApp entra = new SimulatedApp()) {
            sessions.then(r -> {
                entra.store("exo-app");
                WorkflowJob job = r.createProject(WorkflowJob.class, "restarted");
                job.setDefinition(new CpsFlowDefinition("node {\n"
                        + "  withExoToken(credentialsId: 'exo-app', tokenFile: true) {\n"
                        + "    semaphore 'restart'\n"
                        + "    sh 'echo after=$EXO_ACCESS_TOKEN; test -s \"$EXO_ACCESS_TOKEN_FILE\" && echo file-present'\n"
                        + "  }\n"
                        + "}", true));
                WorkflowRun build = job.scheduleBuild2(0).waitForStart();
                SemaphoreStep.waitForStart("restart/1", build);
            });
            sessions.then(r -> {
                TokenEngine.replace(new TokenEngine(entra.app.httpSettings(), java.time.Clock.systemUTC()));
                WorkflowJob job = r.jenkins.getItemByFullName("restarted", WorkflowJob.class);
                WorkflowRun build = job.getBuildByNumber(1);
                SemaphoreStep.success("restart/1", null);
                r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(build));
                r.assertLogContains("after=****", build);
                r.assertLogContains("file-present", build);
                BuildDirectory.assertNotContains(build.getRootDir(), entra.app.secret);
                // Every access token is a JWT, whose header starts so: none in logs, build.xml or program state.
                BuildDirectory.assertNotContains(build.getRootDir(), "eyJ");
            });
        }
    }
}
