package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The owner promised the customer something by a due time. It is followed by
 * {@link PromiseKept} or, once the due time passes, {@link PromiseBroken}.
 *
 * @param promiseId identifies the promise in the later kept or broken event
 * @param kind      CALL_BACK (回电) or PROGRESS_NOTICE (a progress update)
 * @param dueAt     when the promise falls due
 * @param madeBy    the agent who made the promise
 * @param madeAt    when it was made
 */
public record PromiseMade(String promiseId, String kind, Instant dueAt, String madeBy, Instant madeAt)
        implements EventPayload {
}
