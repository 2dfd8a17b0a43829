package io.jenkins.plugins.exotoken.core.tokenfile;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenService;

/** Where a {@link RenewingTokenFile} gets its next token. */
@FunctionalInterface
public interface TokenSupply {

    /**
     * A token to replace the one in the file; the same token again, or one expiring earlier, counts as no renewal.
     *
     * @throws InterruptedException when the file is closed meanwhile
     */
    AccessToken acquire() throws ExoTokenException, InterruptedException;

    /**
     * Tokens for {@code request} from {@code service}, asked for with the longest minimum validity
     * ({@link MinimumValidity#MAXIMUM}), so that the service's cache does not answer with the token a renewal
     * replaces: when the file renews, its token has at most a quarter of its lifetime, or the request's minimum
     * validity, left — at most half its lifetime and (for tokens of up to an hour) at most 30 minutes, which such a
     * request does not accept. A token the cache holds that is newer than the file's is used as it is.
     */
    static TokenSupply renewing(TokenService service, TokenRequest request) {
        MinimumValidity longest;
        try {
            longest = MinimumValidity.of(MinimumValidity.MAXIMUM);
        } catch (InvalidInputException impossible) {
            throw new IllegalStateException(impossible);
        }
        TokenRequest renewal = new TokenRequest(request.label(), request.identity(), request.secret(),
                request.scope(), longest);
        return () -> service.acquire(renewal);
    }
}
