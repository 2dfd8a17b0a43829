package io.jenkins.plugins.exotoken.core.tokenfile;

import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.redact.Redactor;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A file whose token is replaced before it runs out, for work that outlasts one token.
 *
 * <ul>
 *   <li>{@link #start} writes the first token; each renewal is scheduled at {@link MinimumValidity#renewAt} of the
 *       token in the file (75 % of its lifetime, or earlier when less than the minimum validity would be left),
 *       measured from when the file got it.
 *   <li>Every write replaces the file atomically ({@link TokenFileTarget#write}): a reader never sees an empty or
 *       partial file.
 *   <li>When a renewal fails (or brings no newer token) the file keeps its token, the failure is logged as a
 *       WARNING without secrets and told to the {@link RenewalListener}, and the renewal is tried again after
 *       {@link #FIRST_RETRY}, doubling up to {@link #MAX_RETRY}, but never later than the token's expiry. Once the
 *       token has expired the file keeps it and renewal goes on every {@link #MAX_RETRY}: a reader's call fails
 *       with the service's clear "token expired" answer rather than a missing file, and a later success repairs
 *       the file.
 *   <li>{@link #close} cancels the schedule and deletes the file: idempotent, from any thread.
 * </ul>
 *
 * <p>Renewals run on the caller's scheduler and block it while they acquire and write; times come from the
 * caller's clock.
 */
public final class RenewingTokenFile implements AutoCloseable {

    /** The first retry after a failed renewal. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    /** The longest wait between retries. */
    public static final Duration MAX_RETRY = Duration.ofMinutes(5);
    /** When a token supply keeps the file's token, because the cache asks for a new one only this close to expiry. */
    private static final Duration CACHE_RENEWS_WITHIN = MinimumValidity.MAXIMUM;

    private static final Logger LOGGER = Logger.getLogger(RenewingTokenFile.class.getName());

    /**
     * When and how to renew.
     *
     * @param scheduler runs the renewals (in Jenkins {@code jenkins.util.Timer.get()})
     * @param clock tells the time for the schedule
     * @param minimumValidity the block's minimum validity, which may bring a renewal forward
     */
    public record Schedule(ScheduledExecutorService scheduler, Clock clock, MinimumValidity minimumValidity) {}

    private final TokenFileTarget target;
    private final TokenSupply supply;
    private final Schedule schedule;
    private final RenewalListener listener;
    private final Object lock = new Object();
    // All guarded by lock:
    private AccessToken current;
    private @Nullable ScheduledFuture<?> next;
    private @Nullable Instant nextAt;
    private int failures;
    private boolean closed;
    private boolean deleted;

    private RenewingTokenFile(TokenFileTarget target, AccessToken first, TokenSupply supply, Schedule schedule,
            RenewalListener listener) {
        this.target = target;
        this.current = first;
        this.supply = supply;
        this.schedule = schedule;
        this.listener = listener;
    }

    /**
     * Writes {@code first} to the target and schedules its renewal.
     *
     * @throws IOException when the first write fails; the target has been deleted then
     */
    public static RenewingTokenFile start(TokenFileTarget target, AccessToken first, TokenSupply supply,
            Schedule schedule, RenewalListener listener) throws IOException, InterruptedException {
        RenewingTokenFile file = new RenewingTokenFile(target, first, supply, schedule, listener);
        try {
            target.write(bytes(first));
            synchronized (file.lock) {
                file.scheduleAt(schedule.minimumValidity().renewAt(schedule.clock().instant(), first.expiresOn()));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            try {
                file.close();
            } catch (IOException | InterruptedException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return file;
    }

    /** The token in the file now. */
    public AccessToken token() {
        synchronized (lock) {
            return current;
        }
    }

    /** When the next renewal is due, or {@code null} once closed. */
    public @Nullable Instant nextRenewal() {
        synchronized (lock) {
            return nextAt;
        }
    }

    private void renew() {
        AccessToken held;
        synchronized (lock) {
            if (closed) {
                return;
            }
            held = current;
        }
        AccessToken fresh;
        try {
            fresh = supply.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed meanwhile
            return;
        } catch (ExoTokenException | RuntimeException e) {
            failed(held, e.getMessage(), e);
            return;
        }
        Instant now = schedule.clock().instant();
        // The service answers with the token it holds when its cache still accepts it, or during an outage.
        if (fresh.reveal().equals(held.reveal()) || fresh.expiresOn().isBefore(held.expiresOn())) {
            if (Duration.between(now, held.expiresOn()).compareTo(CACHE_RENEWS_WITHIN) > 0) {
                // A token living longer than twice the longest minimum validity: the service's cache renews it only
                // that close to its expiry. Not a failure.
                synchronized (lock) {
                    if (!closed) {
                        scheduleAt(held.expiresOn().minus(CACHE_RENEWS_WITHIN));
                    }
                }
                LOGGER.fine(() -> "Token file " + target.describe() + ": the token service keeps its token until "
                        + held.expiresOn().minus(CACHE_RENEWS_WITHIN) + "; renewal postponed");
                return;
            }
            failed(held, "the token service answered with the token the file already holds (is Entra ID"
                    + " unavailable?)", null);
            return;
        }
        Exception writeFailure = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                target.write(bytes(fresh));
                current = fresh;
                failures = 0;
                scheduleAt(schedule.minimumValidity().renewAt(now, fresh.expiresOn()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                writeFailure = e;
            }
        }
        if (writeFailure != null) {
            failed(held, "cannot write it: " + (writeFailure.getMessage() == null
                    ? writeFailure.getClass().getSimpleName() : writeFailure.getMessage()), writeFailure);
            return;
        }
        LOGGER.fine(() -> "Token file " + target.describe() + " renewed: " + fresh);
        listener.renewed(fresh);
    }

    private void failed(AccessToken held, @Nullable String reason, @Nullable Throwable cause) {
        Redactor redactor = Redactor.tokenShapes().withToken(held.reveal());
        Instant now = schedule.clock().instant();
        Instant attempt;
        boolean expired = !now.isBefore(held.expiresOn());
        synchronized (lock) {
            if (closed) {
                return;
            }
            Duration backoff = backoffAfter(++failures);
            attempt = now.plus(backoff);
            if (!expired && attempt.isAfter(held.expiresOn())) {
                attempt = held.expiresOn(); // one last attempt while the token still works
            }
            scheduleAt(attempt);
        }
        String message = "Token file " + target.describe() + " not renewed: "
                + sentence(redactor.redact(reason == null ? "unknown failure" : reason))
                + (expired ? " Its token expired at " + time(held.expiresOn())
                        : " It keeps its token, valid until " + time(held.expiresOn()))
                + "; next attempt at " + time(attempt) + ".";
        LOGGER.warning(message);
        if (cause != null) {
            LOGGER.log(Level.FINE, () -> "Token file " + target.describe() + ": renewal failure\n"
                    + redactor.stackTrace(cause));
        }
        listener.renewalFailed(new RenewalFailure(message, attempt, expired));
    }

    /** {@link #FIRST_RETRY} doubled for each further failure, at most {@link #MAX_RETRY}. */
    static Duration backoffAfter(int failures) {
        Duration backoff = FIRST_RETRY;
        for (int i = 1; i < failures && backoff.compareTo(MAX_RETRY) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(MAX_RETRY) < 0 ? backoff : MAX_RETRY;
    }

    /** Under {@link #lock}. */
    private void scheduleAt(Instant at) {
        long delay = Math.max(0, Duration.between(schedule.clock().instant(), at).toMillis());
        try {
            next = schedule.scheduler().schedule(this::runRenewal, delay, TimeUnit.MILLISECONDS);
            nextAt = at;
        } catch (RejectedExecutionException e) { // the scheduler was shut down: nothing will renew the file
            next = null;
            nextAt = null;
            LOGGER.warning("Token file " + target.describe() + " will not be renewed: its scheduler is shut down");
        }
    }

    private void runRenewal() {
        try {
            renew();
        } catch (RuntimeException | Error e) { // a scheduled executor would swallow it silently
            LOGGER.log(Level.WARNING, "Token file " + target.describe() + ": renewal failed unexpectedly", e);
        }
    }

    /**
     * Cancels the renewals (interrupting one in progress) and deletes the file. Idempotent; a delete that failed is
     * tried again by the next call.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        ScheduledFuture<?> pending;
        synchronized (lock) {
            closed = true;
            pending = next;
            next = null;
            nextAt = null;
        }
        if (pending != null) {
            pending.cancel(true); // interrupts a renewal in progress (a listener calling close holds the next one)
        }
        synchronized (lock) { // waits for a write in progress: it must not bring the file back after the delete
            if (!deleted) {
                target.delete();
                deleted = true;
            }
        }
    }

    private static byte[] bytes(AccessToken token) {
        return token.reveal().getBytes(StandardCharsets.US_ASCII); // printable ASCII, checked by AccessToken
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String sentence(String text) {
        String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.endsWith(".") ? line : line + ".";
    }

    @Override
    public String toString() {
        return "RenewingTokenFile[" + target.describe() + "]";
    }
}
