package io.jenkins.plugins.exotoken.core.token;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import com.microsoft.aad.msal4j.TokenCache;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Empties an msal4j application's token cache each time msal has written to it.
 *
 * <p>msal4j 1.26.1 stores every token it obtains in its application's cache even with {@code skipCache(true)},
 * and offers no public way to remove an app-only token ({@code deserialize} merges, {@code removeAccount} knows
 * only user accounts). {@link TokenService} is the cache, so that copy is only a second place where a token
 * lingers, for as long as the application lives. The maps are cleared under msal's own write lock, reached
 * by reflection; {@code MsalCacheEmptierTest} fails if an msal4j upgrade renames them, and until then a
 * failure here only leaves msal's copy in place (logged once).
 */
final class MsalCacheEmptier implements ITokenCacheAccessAspect {

    private static final Logger LOGGER = Logger.getLogger(MsalCacheEmptier.class.getName());
    private static final List<String> MAPS = List.of("accessTokens", "refreshTokens", "idTokens", "accounts",
            "appMetadata");
    private static final @Nullable Field LOCK;
    private static final List<Field> FIELDS = new ArrayList<>();

    static {
        Field lock = null;
        try {
            lock = TokenCache.class.getDeclaredField("lock");
            lock.setAccessible(true);
            for (String name : MAPS) {
                Field field = TokenCache.class.getDeclaredField(name);
                field.setAccessible(true);
                FIELDS.add(field);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "msal4j's token cache cannot be emptied in this msal4j version; its copy of"
                    + " each token stays in memory while the application is kept", e);
            lock = null;
            FIELDS.clear();
        }
        LOCK = lock;
    }

    static final MsalCacheEmptier INSTANCE = new MsalCacheEmptier();

    private MsalCacheEmptier() {}

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        // Nothing to load: the cache is meant to stay empty.
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged() && context.tokenCache() instanceof TokenCache cache) {
            empty(cache);
        }
    }

    /** Clears every map of {@code cache}; {@code true} when it could. */
    static boolean empty(TokenCache cache) {
        if (LOCK == null) {
            return false;
        }
        try {
            Lock write = ((ReadWriteLock) LOCK.get(cache)).writeLock();
            write.lock();
            try {
                for (Field field : FIELDS) {
                    ((Map<?, ?>) field.get(cache)).clear();
                }
            } finally {
                write.unlock();
            }
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not empty msal4j's token cache", e);
            return false;
        }
    }
}
