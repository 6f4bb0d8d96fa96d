package io.tousu.reporting.domain;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The monthly key-indicator monitoring table (关键投诉指标监控表) of one province.
 *
 * @param province      province code
 * @param month         the month reported
 * @param previousMonth the month compared with (环比)
 * @param zone          the zone whose calendar bounds the months
 * @param rows          every indicator, the six key indicators first
 */
public record MonthlyTable(String province, YearMonth month, YearMonth previousMonth, ZoneId zone,
        List<IndicatorComparison> rows) {
}
