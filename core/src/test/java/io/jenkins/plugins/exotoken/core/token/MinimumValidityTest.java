package io.jenkins.plugins.exotoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinimumValidityTest {

    private static final Instant OBTAINED = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void nothingGivenMeansTheFiveMinuteDefault() throws Exception {
        assertThat(MinimumValidity.of(null)).isSameAs(MinimumValidity.DEFAULT);
        assertThat(MinimumValidity.DEFAULT.requested()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void moreThanThirtyMinutesIsRefusedAtInputWithTheLimitAndWhatToDoInstead() throws Exception {
        assertThat(MinimumValidity.of(Duration.ofMinutes(30)).requested()).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> MinimumValidity.of(Duration.ofMinutes(31)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Minimum validity 31 min is longer than 30 minutes: Entra ID tokens last 60 to 90 minutes,"
                        + " so a longer minimum would need a new token almost every time. Give at most 30 minutes"
                        + " (default 5); for work that outlasts a token, use a renewed token file.");
    }

    @Test
    void aNegativeMinimumIsRefusedAtInput() {
        assertThatThrownBy(() -> MinimumValidity.of(Duration.ofSeconds(-90)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Minimum validity -90 s is negative: give 0 to 30 minutes (default 5).");
    }

    @Test
    void theApplicableMinimumIsAtMostHalfTheTokensLifetime() throws Exception {
        MinimumValidity twenty = MinimumValidity.of(Duration.ofMinutes(20));

        assertThat(twenty.forLifetime(Duration.ofMinutes(60))).isEqualTo(Duration.ofMinutes(20));
        assertThat(twenty.forLifetime(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(15));
        assertThat(twenty.forLifetime(Duration.ofMinutes(-1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aFreshTokenAlwaysMeetsTheMinimumHoweverShortItsLifetime() throws Exception {
        MinimumValidity thirty = MinimumValidity.of(Duration.ofMinutes(30));
        Instant expires = OBTAINED.plus(Duration.ofMinutes(10));

        assertThat(thirty.isMetBy(OBTAINED, expires, OBTAINED)).isTrue();
        assertThat(thirty.isMetBy(OBTAINED, expires, OBTAINED.plus(Duration.ofMinutes(4)))).isTrue();
        assertThat(thirty.isMetBy(OBTAINED, expires, OBTAINED.plus(Duration.ofMinutes(5)))).isFalse();
    }

    @Test
    void aRenewingHolderRenewsAtThreeQuartersOfTheLifetimeAndNeverBeforeHalf() throws Exception {
        Instant expires = OBTAINED.plus(Duration.ofMinutes(60));

        assertThat(MinimumValidity.DEFAULT.renewAt(OBTAINED, expires)).isEqualTo(OBTAINED.plus(Duration.ofMinutes(45)));
        assertThat(MinimumValidity.of(Duration.ofMinutes(20)).renewAt(OBTAINED, expires))
                .isEqualTo(OBTAINED.plus(Duration.ofMinutes(40)));
        assertThat(MinimumValidity.of(Duration.ofMinutes(30)).renewAt(OBTAINED, OBTAINED.plus(Duration.ofMinutes(10))))
                .as("a 10-minute token asked to keep 30 minutes").isEqualTo(OBTAINED.plus(Duration.ofMinutes(5)));
    }
}
