package io.tousu.reporting.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * What an indicator series covers.
 *
 * @param province    province code
 * @param groupBy     the dimension rows are grouped by
 * @param granularity day or month
 * @param first       start of the first period
 * @param last        start of the last period (inclusive)
 * @param filters     dimension values every counted fact must have
 */
public record SeriesQuery(String province, Dimension groupBy, Granularity granularity, LocalDate first,
        LocalDate last, Map<Dimension, String> filters) {

    public SeriesQuery {
        filters = Map.copyOf(filters);
    }

    /** Whether figures of this query have a manual call volume to divide by (not for teams and agents). */
    public boolean hasCallVolume() {
        return groupBy.hasCallVolume() && filters.keySet().stream().allMatch(Dimension::hasCallVolume);
    }

    /** Whether figures of this query are of the whole province, the only scope with a customer base. */
    public boolean hasCustomerBase() {
        return groupBy == Dimension.PROVINCE && filters.isEmpty();
    }
}
