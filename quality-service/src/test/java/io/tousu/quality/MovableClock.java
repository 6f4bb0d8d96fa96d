package io.tousu.quality;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' clock (replaces the default of TimeSource): the real time plus an offset a test moves
 * forward for one call, e.g. past the appeal window, and always resets in a finally block.
 */
@Singleton
public class MovableClock {

    private static volatile Duration offset = Duration.ZERO;

    /** Runs {@code action} with "now" moved forward by {@code by}. */
    static void movedBy(Duration by, Runnable action) {
        offset = by;
        try {
            action.run();
        } finally {
            offset = Duration.ZERO;
        }
    }

    /** The value of {@code action} run with "now" moved forward by {@code by}. */
    static <T> T later(Duration by, java.util.function.Supplier<T> action) {
        offset = by;
        try {
            return action.get();
        } finally {
            offset = Duration.ZERO;
        }
    }

    @Produces
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), offset);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }
}
