package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.tasks.Shell;
import io.jenkins.plugins.exotoken.binding.ExoTokenBuildWrapper;
import io.jenkins.plugins.exotoken.binding.ExoTokenStep;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

// Runs only in the real plugin build (plugin-hpi), with Pipeline plugins and an agent, against core's Entra simulator.
@WithJenkins
class WithExoTokenJenkinsTest {

    private SimulatedApp entra;

    @BeforeEach
    void startSimulator(JenkinsRule r) throws Exception {
        entra = new SimulatedApp().store("exo-app");
    }

    @AfterEach
    void stopSimulator() {
        entra.close();
    }

    @Test
    void theBlockOnAnAgentGetsTheTokenMaskedAndItsTokenFileIsRemoved(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') {\n"
                + "  withExoToken(credentialsId: 'exo-app', tokenFile: true) {\n"
                + "    sh 'echo token=$EXO_ACCESS_TOKEN; echo file=$(cat \"$EXO_ACCESS_TOKEN_FILE\");"
                + " echo \"$EXO_ACCESS_TOKEN_FILE\" > token-path; stat -c %a \"$EXO_ACCESS_TOKEN_FILE\";"
                + " echo org=$EXO_ORGANIZATION env=$EXO_ENVIRONMENT_NAME'\n"
                + "  }\n"
                + "}", true));

        WorkflowRun build = r.buildAndAssertSuccess(job);

        r.assertLogContains("token=****", build);
        r.assertLogContains("file=****", build);
        r.assertLogContains("600", build);
        r.assertLogContains("org=contoso.onmicrosoft.com env=O365Default", build);
        r.assertLogContains("exo-token: credential 'exo-app', token for https://outlook.office365.com/.default", build);
        r.assertLogNotContains("eyJ", build);
        FilePath workspace = agent.getWorkspaceFor(job);
        String tokenPath = workspace.child("token-path").readToString().trim();
        assertThat(new FilePath(agent.getChannel(), tokenPath).exists()).isFalse();
    }

    @Test
    void theCertificateFileIsRemovedWhenTheBuildIsAborted(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  withExoToken(credentialsId: 'exo-app-cert', certificateFile: true) {\n"
                + "    sh 'echo \"$EXO_CERTIFICATE_PATH\" > cert-path; echo pw=$EXO_CERTIFICATE_PASSWORD'\n"
                + "    semaphore 'hold'\n"
                + "  }\n"
                + "}", true));

        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("hold/1", build);
        FilePath workspace = r.jenkins.getWorkspaceFor(job);
        FilePath certificate = new FilePath(new java.io.File(workspace.child("cert-path").readToString().trim()));
        assertThat(certificate.exists()).isTrue();
        build.doStop();

        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));
        assertThat(certificate.exists()).isFalse();
        r.assertLogContains("pw=****", build);
    }

    @Test
    void declarativeOptionsGiveTheWholePipelineTheToken(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("pipeline {\n"
                + "  agent any\n"
                + "  options { withExoToken(credentialsId: 'exo-app', resource: 'exchange') }\n"
                + "  stages { stage('report') { steps { sh 'echo app=$EXO_APP_ID token=$EXO_ACCESS_TOKEN' } } }\n"
                + "}", true));

        WorkflowRun build = r.buildAndAssertSuccess(job);

        r.assertLogContains("app=" + entra.app.clientId + " token=****", build);
    }

    @Test
    void anUnknownCredentialFailsTheBuildWithOneLine(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("withExoToken(credentialsId: 'nope') { echo 'never' }", true));

        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("Credential 'nope' was not found for this build", build);
        r.assertLogNotContains("\tat ", build);
    }

    @Test
    void aFreestyleBuildGetsTheTokenMasked(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        ExoTokenBuildWrapper wrapper = new ExoTokenBuildWrapper("exo-app-cert");
        wrapper.setCertificateFile(true);
        job.getBuildWrappersList().add(wrapper);
        job.getBuildersList().add(new Shell("echo token=$EXO_ACCESS_TOKEN pw=$EXO_CERTIFICATE_PASSWORD;"
                + " echo \"$EXO_CERTIFICATE_PATH\" > cert-path"));

        FreeStyleBuild build = r.buildAndAssertSuccess(job);

        r.assertLogContains("token=**** pw=****", build);
        String path = build.getWorkspace().child("cert-path").readToString().trim();
        assertThat(new java.io.File(path)).doesNotExist();
    }

    @Test
    void theStepRoundTripsThroughItsFormAndTheSnippetGenerator(JenkinsRule r) throws Exception {
        ExoTokenStep step = new ExoTokenStep("exo-app");
        step.setResource("graph");
        step.setTokenVariable("GRAPH_TOKEN");
        step.setTokenFile(true);
        step.setMinimumValidity(10);

        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
        new SnippetizerTester(r).assertRoundTrip(step, "withExoToken(credentialsId: 'exo-app', minimumValidity: 10,"
                + " resource: 'graph', tokenFile: true, tokenVariable: 'GRAPH_TOKEN') {\n    // some block\n}");
    }

    @Test
    void theBuildDirectoryHoldsNoToken(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node { withExoToken(credentialsId: 'exo-app') {"
                + " writeFile file: 't', text: env.EXO_ACCESS_TOKEN } }", true));

        WorkflowRun build = r.buildAndAssertSuccess(job);
        String token = r.jenkins.getWorkspaceFor(job).child("t").readToString();

        assertThat(token).startsWith("eyJ");
        BuildDirectory.assertNotContains(build.getRootDir(), token);
        assertThat(new String(java.nio.file.Files.readAllBytes(build.getRootDir().toPath().resolve("build.xml")),
                StandardCharsets.UTF_8)).doesNotContain(token);
    }
}
