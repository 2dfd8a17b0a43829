package jenkins.agents;

import hudson.FilePath;

/**
 * Compile-only declaration of {@code jenkins.agents.ControllerToAgentFileCallable} (jenkinsci/jenkins core): a file
 * operation the controller sends to run where the file is. Upstream's default role check is left out: the plugin
 * neither calls nor overrides it.
 */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {}
