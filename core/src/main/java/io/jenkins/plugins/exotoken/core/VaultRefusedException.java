package io.jenkins.plugins.exotoken.core;

/** Key Vault answered and refused: no access, no such object, a disabled or expired secret, unusable content. */
public final class VaultRefusedException extends ExoTokenException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;

    /**
     * @param httpStatus the vault's HTTP status, or 0 when the refusal is ours (e.g. an expired secret)
     * @param code the vault's error code, innermost first (e.g. {@code SecretDisabled}), or a code of ours
     */
    public VaultRefusedException(String message, int httpStatus, String code) {
        super(message, null);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }
}
