package io.tousu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private static JsonWebToken expiringAt(Instant expiry) {
        Map<String, Object> claims = expiry == null ? Map.of("sub", "agent-7") : Map.of("sub", "agent-7", "exp",
                expiry.getEpochSecond());
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "agent-7";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    private final MovingClock clock = new MovingClock();
    private final VerifiedTokens tokens = new VerifiedTokens(clock, 3, Duration.ofMinutes(5));

    @Test
    void aVerifiedTokenIsKeptForItsMaximumAgeAndOnlyByItsExactText() {
        JsonWebToken token = expiringAt(NOW.plus(Duration.ofHours(8)));
        tokens.put("aaa.bbb.ccc", token);

        assertThat(tokens.get("aaa.bbb.ccc")).isSameAs(token);
        assertThat(tokens.get("aaa.bbb.ccd")).isNull();
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(tokens.get("aaa.bbb.ccc")).isSameAs(token);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.get("aaa.bbb.ccc")).as("verified in full again after five minutes").isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenIsNeverUsedPastItsOwnExpiry() {
        tokens.put("soon", expiringAt(NOW.plusSeconds(30)));
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.get("soon")).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.get("soon")).isNull();
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotKept() {
        tokens.put("no-exp", expiringAt(null));
        tokens.put("expired", expiringAt(NOW.minusSeconds(10)));
        tokens.put("expiring-now", expiringAt(NOW));

        assertThat(tokens.get("no-exp")).isNull();
        assertThat(tokens.get("expired")).isNull();
        assertThat(tokens.get("expiring-now")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseNewTokensAreNotKept() {
        tokens.put("a", expiringAt(NOW.plusSeconds(60)));
        tokens.put("b", expiringAt(NOW.plus(Duration.ofHours(1))));
        tokens.put("c", expiringAt(NOW.plus(Duration.ofHours(1))));
        tokens.put("d", expiringAt(NOW.plus(Duration.ofHours(1))));
        assertThat(tokens.get("d")).as("full: verified, not kept").isNull();
        assertThat(tokens.size()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(60));
        tokens.put("d", expiringAt(NOW.plus(Duration.ofHours(1))));
        assertThat(tokens.get("d")).as("a had expired and made room").isNotNull();
        assertThat(tokens.get("a")).isNull();
        assertThat(tokens.get("b")).isNotNull();
    }
}
