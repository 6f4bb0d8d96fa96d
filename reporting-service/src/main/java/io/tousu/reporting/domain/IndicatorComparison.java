package io.tousu.reporting.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One indicator in a period beside the period before.
 *
 * @param indicator the indicator
 * @param current   its figure in the period
 * @param previous  its figure in the previous period (previous month or day)
 */
public record IndicatorComparison(Indicator indicator, Figure current, Figure previous) {

    /** Every indicator of the table, in table order, from the counts of two periods. */
    public static List<IndicatorComparison> all(MeasureCounts current, MeasureCounts previous) {
        return Arrays.stream(Indicator.values())
                .map(i -> new IndicatorComparison(i, i.compute(current), i.compute(previous)))
                .toList();
    }

    /** Current − previous in the indicator's unit (percentage points for a rate). */
    public BigDecimal difference() {
        return IndicatorMath.difference(previous.value(), current.value());
    }

    /** Month-over-month (or day-over-day) change in percent, see {@link IndicatorMath#change}. */
    public BigDecimal change() {
        return IndicatorMath.change(previous.value(), current.value());
    }
}
