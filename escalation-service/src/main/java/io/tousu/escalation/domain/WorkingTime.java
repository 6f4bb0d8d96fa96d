package io.tousu.escalation.domain;

import java.time.Duration;
import java.time.Instant;

/** How an SLA counts time: around the clock, or only in a calendar's working hours. */
public interface WorkingTime {

    /** Every second counts (24x7). */
    WorkingTime ALWAYS = new WorkingTime() {
        @Override
        public Instant plus(Instant from, Duration work) {
            return from.plus(work);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }
    };

    /** The instant at which {@code work} of counted time has passed since {@code from}. */
    Instant plus(Instant from, Duration work);

    /** Counted time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);
}
