package io.tousu.escalation.rest;

import io.tousu.escalation.domain.SlaClock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One SLA clock of a complaint. */
@Schema(description = "One SLA clock of a complaint")
public record ClockView(
        @Schema(description = "FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION or PROMISE") String clock,
        @Schema(description = "The promise id for PROMISE clocks, else empty") String ref,
        @Schema(description = "RUNNING, PAUSED (customer wait), STOPPED, or BREACHED (out of levels)") String state,
        @Schema(description = "When it was (re)started") Instant startedAt,
        @Schema(description = "When it runs out, customer waits included; after a breach, the current level's deadline")
        Instant dueAt,
        @Schema(description = "When the owner will be warned; absent once warned") Instant warnAt,
        @Schema(description = "Counted seconds left, while paused") Long remainingSeconds,
        @Schema(description = "When it first ran out, if it did") Instant firstBreachedAt) {

    static ClockView of(SlaClock c) {
        return new ClockView(c.kind.name(), c.ref, c.state.name(), c.startedAt, c.dueAt, c.warnAt, c.remainingSeconds,
                c.firstBreachedAt);
    }
}
