package io.jenkins.plugins.exotoken.core.tokenfile;

import java.time.Instant;

/**
 * A renewal that failed.
 *
 * @param message one line for a person, without secrets: what failed, until when the file's token is still
 *     valid (or that it expired), when the next attempt is
 * @param nextAttempt when the next attempt is scheduled
 * @param expired whether the token in the file has expired
 */
public record RenewalFailure(String message, Instant nextAttempt, boolean expired) {}
