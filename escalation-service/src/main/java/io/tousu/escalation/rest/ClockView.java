package io.tousu.escalation.rest;

import io.tousu.escalation.domain.SlaClock;
import java.time.Instant;

/** One SLA clock of a complaint. */
public record ClockView(String clock, String state, String priority, Instant startedAt, Instant dueAt) {

    static ClockView of(SlaClock c) {
        return new ClockView(c.clock.name(), c.state.name(), c.priority, c.startedAt, c.dueAt);
    }
}
