package io.tousu.localstack.bench;

import java.time.Duration;

/**
 * How far a phase may go: it ends after {@code duration} or {@code maxOperations}, whichever comes first.
 *
 * @param duration the longest the phase sends for
 * @param maxOperations the most operations it sends
 */
record PhaseLimit(Duration duration, long maxOperations) {

    PhaseLimit {
        if (duration.isNegative() || duration.isZero() || maxOperations < 1) {
            throw new IllegalArgumentException("a phase needs a positive duration and operation count");
        }
    }
}
