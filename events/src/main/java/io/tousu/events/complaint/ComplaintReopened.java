package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * A resolved complaint was opened again; it no longer counts as resolved at first contact.
 *
 * @param reason      UNSATISFIED_FOLLOW_UP, REPEAT_COMPLAINT or OTHER
 * @param reopenCount how many times this complaint has been reopened, this time included
 * @param reopenedAt  when it was reopened
 */
public record ComplaintReopened(String reason, int reopenCount, Instant reopenedAt) implements EventPayload {
}
