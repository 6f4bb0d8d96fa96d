package io.tousu.events.escalation;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * An SLA clock of the complaint is about to run out; the owner is warned before it escalates.
 *
 * @param clock            FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION or PROMISE (a promised call-back or notice)
 * @param dueAt            when the clock runs out, customer-wait pauses included
 * @param remainingSeconds seconds left between {@code warnedAt} and {@code dueAt}
 * @param ownerId          the owner being warned; null when the complaint has none yet
 * @param warnedAt         when the warning was raised
 */
public record SlaWarning(String clock, Instant dueAt, long remainingSeconds, String ownerId, Instant warnedAt)
        implements EventPayload {
}
