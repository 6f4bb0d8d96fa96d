package io.tousu.quality.domain;

import java.math.BigDecimal;

/**
 * How one item was scored.
 *
 * @param code           the item
 * @param passed         whether the item passed (a POINTS item passes above 0)
 * @param points         the points given to a POINTS item; null for YES_NO
 * @param earned         the share of the item's weight earned
 * @param automatic      whether the value came from the event history
 * @param overrideReason the inspector's reason for overriding the automatic value, or null
 */
public record ItemScore(String code, boolean passed, Integer points, BigDecimal earned, boolean automatic,
        String overrideReason) {
}
