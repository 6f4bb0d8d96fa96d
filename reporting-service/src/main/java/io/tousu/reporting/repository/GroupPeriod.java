package io.tousu.reporting.repository;

/**
 * A cell of an indicator series.
 *
 * @param group  the value of the grouping dimension (null when the facts do not know it yet)
 * @param period the period's name, {@code 2026-09} or {@code 2026-09-03}
 */
public record GroupPeriod(String group, String period) {
}
