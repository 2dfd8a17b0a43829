package io.jenkins.plugins.exotoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightCacheTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SingleFlightCache<String, String> cache = new SingleFlightCache<>(executor);
    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    @Test
    void aFailedLoadReachesEveryWaiterAndIsNotCached() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> cache.get("k", v -> true, previous -> {
                    loads.incrementAndGet();
                    release.await();
                    throw new ServiceUnavailableException("vault down", null);
                }, Duration.ofSeconds(10), "Reading k")));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<String> result : results) {
                assertThatThrownBy(result::get).hasCauseInstanceOf(ServiceUnavailableException.class)
                        .hasMessageContaining("vault down");
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(loads).hasValue(1);

        String value = cache.get("k", v -> true, previous -> "loaded after the failure", Duration.ofSeconds(1), "k");
        assertThat(value).isEqualTo("loaded after the failure");
    }

    @Test
    void aStaleValueIsHandedToTheLoaderAndReplaced() throws Exception {
        cache.get("k", v -> true, previous -> "v1", Duration.ofSeconds(1), "k");

        String reloaded = cache.get("k", v -> !v.equals("v1"), previous -> previous + "+v2", Duration.ofSeconds(1), "k");

        assertThat(reloaded).isEqualTo("v1+v2");
        assertThat(cache.get("k", v -> true, previous -> "unused", Duration.ofSeconds(1), "k")).isEqualTo("v1+v2");
    }

    @Test
    void aWaiterGivesUpAfterItsBoundWithoutCancellingTheLoad() throws Exception {
        CountDownLatch release = new CountDownLatch(1);

        assertThatThrownBy(() -> cache.get("k", v -> true, previous -> {
                    release.await();
                    return "late";
                }, Duration.ofMillis(200), "Reading k"))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("Reading k: no answer within 200 ms.");
        release.countDown();
        Thread.sleep(100);
        assertThat(cache.get("k", v -> true, previous -> "reloaded", Duration.ofSeconds(1), "k")).isEqualTo("late");
    }
}
