package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * A promise passed its due time unkept: a quality error and an escalation trigger.
 *
 * @param promiseId  the promise of the earlier {@link PromiseMade}
 * @param dueAt      when it fell due
 * @param detectedAt when the miss was noticed
 */
public record PromiseBroken(String promiseId, Instant dueAt, Instant detectedAt) implements EventPayload {
}
