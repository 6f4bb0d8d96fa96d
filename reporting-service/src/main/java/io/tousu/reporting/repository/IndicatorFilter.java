package io.tousu.reporting.repository;

import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.Granularity;
import java.time.Instant;
import java.util.Map;

/**
 * Which facts a query counts: one province, a time range, and optional equality filters.
 *
 * @param province the province code
 * @param from     start of the range (inclusive)
 * @param to       end of the range (exclusive)
 * @param filters  dimension values every counted fact must have, e.g. CITY = Shenzhen
 */
public record IndicatorFilter(String province, Instant from, Instant to, Map<Dimension, String> filters) {

    public IndicatorFilter {
        filters = Map.copyOf(filters);
    }

    /** The SQL pattern of {@code to_char} that names a period of this granularity. */
    static String periodPattern(Granularity granularity) {
        return granularity == Granularity.DAY ? "YYYY-MM-DD" : "YYYY-MM";
    }
}
