package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The complaint was recategorised; indicators, SLA policies and scorecards follow the new
 * category.
 *
 * @param fromCategory the taxonomy code before, e.g. {@code BILLING_DISPUTE}
 * @param toCategory   the taxonomy code after
 * @param changedBy    who changed it (an agent, a supervisor or an inspector)
 * @param changedAt    when it was changed
 */
public record ComplaintCategoryChanged(String fromCategory, String toCategory, String changedBy, Instant changedAt)
        implements EventPayload {
}
