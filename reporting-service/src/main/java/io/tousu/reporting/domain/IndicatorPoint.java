package io.tousu.reporting.domain;

import java.util.List;

/**
 * The indicators of one group in one period of a series, each beside the period before.
 *
 * @param group          the value of the grouping dimension (null when not yet known for some facts)
 * @param period         the period's name
 * @param previousPeriod the name of the period compared with
 * @param indicators     every indicator, in table order
 */
public record IndicatorPoint(String group, String period, String previousPeriod,
        List<IndicatorComparison> indicators) {
}
