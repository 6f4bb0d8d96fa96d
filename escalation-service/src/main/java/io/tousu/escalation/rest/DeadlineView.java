package io.tousu.escalation.rest;

import io.tousu.escalation.domain.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A clock in an overdue or due-soon list. */
@Schema(description = "A clock in an overdue or due-soon list")
public record DeadlineView(UUID complaintId, String province, String category, String clock, String ref,
        String state,
        @Schema(description = "The SLA deadline: when it first ran out, or when it will") Instant deadline,
        @Schema(description = "Seconds past the deadline (negative: seconds left)") long overdueSeconds) {

    static DeadlineView of(SlaClock c, Instant now) {
        Instant deadline = c.firstBreachedAt != null ? c.firstBreachedAt : c.dueAt;
        return new DeadlineView(c.complaintId, c.province, c.category, c.kind.name(), c.ref, c.state.name(), deadline,
                Duration.between(deadline, now).toSeconds());
    }
}
