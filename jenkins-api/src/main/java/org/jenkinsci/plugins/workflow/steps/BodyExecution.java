package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/**
 * Compile-only declaration of {@code BodyExecution} (jenkinsci/workflow-step-api-plugin), what
 * {@link BodyInvoker#start()} returns. Upstream also implements {@code Future<Object>}; the plugin uses none of it.
 */
public abstract class BodyExecution implements Serializable {

    private static final long serialVersionUID = 1L;
}
