package io.jenkins.plugins.exotoken.core.tokenfile;

import io.jenkins.plugins.exotoken.core.token.AccessToken;

/**
 * Told what a {@link RenewingTokenFile} did, e.g. to add a new token to a log's mask or print a line in a build's
 * log. Called on the renewing thread, outside any lock of the file; must not block for long.
 */
public interface RenewalListener {

    /** A listener that ignores everything. */
    RenewalListener NONE = new RenewalListener() {};

    /** The file now holds {@code token}. */
    default void renewed(AccessToken token) {}

    /** A renewal failed; the file keeps its token and another attempt is scheduled. */
    default void renewalFailed(RenewalFailure failure) {}
}
