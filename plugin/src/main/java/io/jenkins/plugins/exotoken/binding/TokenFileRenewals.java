package io.jenkins.plugins.exotoken.binding;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.exotoken.core.tokenfile.RenewingTokenFile;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token files this controller keeps fresh, by an id the block carries. Renewals live in memory only: after a
 * restart a block starts its renewal again ({@link BoundToken#resume}).
 */
final class TokenFileRenewals {

    private static final Logger LOGGER = Logger.getLogger(TokenFileRenewals.class.getName());
    private static final Map<String, RenewingTokenFile> RUNNING = new ConcurrentHashMap<>();

    private TokenFileRenewals() {}

    static void register(@NonNull String id, @NonNull RenewingTokenFile file) {
        RenewingTokenFile previous = RUNNING.put(id, file);
        if (previous != null) {
            stop(previous);
        }
    }

    static boolean isRunning(@NonNull String id) {
        return RUNNING.containsKey(id);
    }

    /** Stops renewing and deletes the file; nothing happens for an unknown id. */
    static void stop(@NonNull String id) {
        RenewingTokenFile file = RUNNING.remove(id);
        if (file != null) {
            stop(file);
        }
    }

    private static void stop(RenewingTokenFile file) {
        try {
            file.close();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not remove the token file " + file + "; the block's folder is removed next",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
