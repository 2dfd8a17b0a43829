package hudson.model;

/**
 * Compile-only declaration of {@code hudson.model.Failure} (jenkinsci/jenkins core): an error whose message is
 * shown to the user as the answer to a request, without a stack trace. Upstream also implements Stapler's
 * {@code HttpResponse}, which the plugin does not use directly and the stub leaves out.
 */
public class Failure extends RuntimeException {

    private final boolean pre;

    public Failure(String message) {
        this(message, false);
    }

    public Failure(String message, boolean pre) {
        super(message);
        this.pre = pre;
    }
}
