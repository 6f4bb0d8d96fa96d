package io.tousu.reporting.domain;

import java.math.BigDecimal;

/**
 * One indicator's value in one scope and period, with what it was computed from.
 *
 * @param value       the indicator; null when its denominator is zero (or unknown)
 * @param numerator   the count on top (for a count indicator, the count itself)
 * @param denominator the count below; null for a count indicator
 */
public record Figure(BigDecimal value, long numerator, Long denominator) {
}
