package io.tousu.events.escalation;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * An SLA clock of the complaint ran out. The escalation it causes is a separate
 * {@link ComplaintEscalated}.
 *
 * @param clock      FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION or PROMISE
 * @param dueAt      when the clock ran out
 * @param level      the escalation level the complaint was at when it ran out (0 = owner only,
 *                   see {@link ComplaintEscalated})
 * @param breachedAt when the breach was detected
 */
public record SlaBreached(String clock, Instant dueAt, int level, Instant breachedAt) implements EventPayload {
}
