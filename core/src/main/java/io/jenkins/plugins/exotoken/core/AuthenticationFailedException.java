package io.jenkins.plugins.exotoken.core;

/** Entra ID answered and refused the request; {@link #error()} carries what it said. */
public final class AuthenticationFailedException extends ExoTokenException {

    private static final long serialVersionUID = 1L;

    private final EntraError error;

    public AuthenticationFailedException(String message, EntraError error) {
        super(message, null);
        this.error = error;
    }

    public EntraError error() {
        return error;
    }
}
