package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * A promise was kept in time.
 *
 * @param promiseId the promise of the earlier {@link PromiseMade}
 * @param keptAt    when the call-back or notice happened
 */
public record PromiseKept(String promiseId, Instant keptAt) implements EventPayload {
}
