package io.jenkins.plugins.exotoken.core.token;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How much time a token must have left to be handed out, and the rule that keeps any holder of tokens (the
 * cache, a token file that renews itself) from calling Entra ID over and over.
 *
 * <ul>
 *   <li>At input, a minimum validity is at most {@link #MAXIMUM} (30 minutes): Entra ID issues app-only tokens for
 *       60 to 90 minutes, so any accepted value is honoured in full for tokens of the default lifetime.
 *   <li>For a token whose own lifetime is shorter (a token lifetime policy, a short-lived managed-identity token),
 *       the minimum that applies is capped at half that lifetime: a freshly obtained token is always served,
 *       and reused for at least half its life, so there are at most two calls to Entra ID per token lifetime.
 *   <li>A holder that keeps a token fresh renews it at {@link #renewAt}: when the applicable minimum is left, but
 *       at the latest with a quarter of the lifetime left (at 75 % of it), and never before half of it.
 * </ul>
 */
public final class MinimumValidity {

    /** The largest minimum validity accepted at input. */
    public static final Duration MAXIMUM = Duration.ofMinutes(30);

    /** Used when none is given. */
    public static final MinimumValidity DEFAULT = new MinimumValidity(Duration.ofMinutes(5));

    private final Duration requested;

    private MinimumValidity(Duration requested) {
        this.requested = requested;
    }

    /**
     * @param requested as the user gave it; {@code null} for the {@link #DEFAULT}
     * @throws InvalidInputException when it is negative or longer than {@link #MAXIMUM}
     */
    public static MinimumValidity of(@Nullable Duration requested) throws InvalidInputException {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested.isNegative()) {
            throw new InvalidInputException("Minimum validity " + minutes(requested) + " is negative: give 0 to "
                    + MAXIMUM.toMinutes() + " minutes (default " + DEFAULT.requested.toMinutes() + ").");
        }
        if (requested.compareTo(MAXIMUM) > 0) {
            throw new InvalidInputException("Minimum validity " + minutes(requested) + " is longer than "
                    + MAXIMUM.toMinutes() + " minutes: Entra ID tokens last 60 to 90 minutes, so a longer minimum would"
                    + " need a new token almost every time. Give at most " + MAXIMUM.toMinutes() + " minutes (default "
                    + DEFAULT.requested.toMinutes() + "); for work that outlasts a token, use a renewed token file.");
        }
        return new MinimumValidity(requested);
    }

    /** The value given (or the default). */
    public Duration requested() {
        return requested;
    }

    /** The minimum that applies to a token of this lifetime: the requested one, at most half the lifetime. */
    public Duration forLifetime(Duration lifetime) {
        Duration half = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(2);
        return requested.compareTo(half) <= 0 ? requested : half;
    }

    /** Whether a token obtained at {@code obtained} and expiring at {@code expires} may be handed out at {@code now}. */
    public boolean isMetBy(Instant obtained, Instant expires, Instant now) {
        return now.plus(forLifetime(Duration.between(obtained, expires))).isBefore(expires);
    }

    /** When a holder that keeps a token fresh replaces it: between half and three quarters of its lifetime. */
    public Instant renewAt(Instant obtained, Instant expires) {
        Duration lifetime = Duration.between(obtained, expires);
        Duration quarter = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(4);
        Duration applicable = forLifetime(lifetime);
        return expires.minus(applicable.compareTo(quarter) >= 0 ? applicable : quarter);
    }

    private static String minutes(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof MinimumValidity that && requested.equals(that.requested);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requested);
    }

    @Override
    public String toString() {
        return "MinimumValidity[" + requested + "]";
    }
}
