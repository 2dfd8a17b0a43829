package io.jenkins.plugins.exotoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsAndHttpDatesCaseInsensitively() {
        assertThat(RetryAfter.parse(Map.of("retry-after", List.of("7")), clock)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Map.of("Retry-After", List.of("Thu, 26 Nov 2026 10:00:30 GMT")), clock))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPastDateMeansNowAndAnUnreadableOrMissingValueMeansNone() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", List.of("Thu, 26 Nov 2026 09:00:00 GMT")), clock))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse(Map.of("Retry-After", List.of("soon")), clock)).isNull();
        assertThat(RetryAfter.parse(Map.of(), clock)).isNull();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1));

        assertThat(List.of(policy.backoffAfter(1), policy.backoffAfter(2), policy.backoffAfter(3), policy.backoffAfter(4)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }
}
