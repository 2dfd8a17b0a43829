package hudson;

import java.io.IOException;

/** Compile-only declaration of {@code hudson.AbortException} (jenkinsci/jenkins core): a failure with a message only. */
public class AbortException extends IOException {

    private static final long serialVersionUID = 1L;

    public AbortException(String message) {
        super(message);
    }
}
