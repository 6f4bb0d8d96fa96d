package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The customer answered the follow-up visit (回访) after resolution. An unresolved or
 * unsatisfied answer is usually followed by {@link ComplaintReopened}.
 *
 * @param satisfied    whether the customer is satisfied with the handling
 * @param resolved     whether the customer considers the problem solved
 * @param comment      the customer's words, when recorded
 * @param followedUpAt when the visit took place
 */
public record ComplaintFollowedUp(boolean satisfied, boolean resolved, String comment, Instant followedUpAt)
        implements EventPayload {
}
