package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

/**
 * Compile-only declaration of {@code StepContext} (jenkinsci/workflow-step-api-plugin): what a running step can reach.
 * Upstream also implements Guava's {@code FutureCallback<Object>} and has further abstract methods, none of which the
 * plugin calls; a fake context written against this stub would not compile against upstream.
 */
public abstract class StepContext implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;
}
