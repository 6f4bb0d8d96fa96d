package io.tousu.reporting.rest;

import io.tousu.reporting.domain.IndicatorComparison;
import io.tousu.reporting.domain.Measure;
import io.tousu.reporting.domain.Unit;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator of a period beside the period before. */
@Schema(description = "One indicator of a period beside the period before; figures are rounded HALF_UP to 2 places")
public record IndicatorView(
        @Schema(description = "Indicator code", example = "TICKET_ACCURACY_RATE") String code,
        @Schema(description = "Chinese name", example = "投诉工单正确率") String nameZh,
        @Schema(description = "English name", example = "Ticket accuracy rate") String nameEn,
        @Schema(description = "PERCENT (98.72 means 98.72%), PER_10K_CALLS, PER_10K_CUSTOMERS or COUNT") Unit unit,
        @Schema(description = "One of the six key indicators") boolean key,
        @Schema(description = "The figure of the period; null when its denominator is zero", example = "98.88")
        BigDecimal value,
        @Schema(description = "The figure of the previous period", example = "98.72") BigDecimal previous,
        @Schema(description = "value − previous, in the indicator's unit (percentage points for a rate)",
                example = "0.16") BigDecimal difference,
        @Schema(description = "Change on the previous period (环比) in percent: (value − previous) / previous × 100, "
                + "from the rounded figures; null when previous is null or zero", example = "0.16") BigDecimal change,
        @Schema(description = "Count on top (the count itself for a COUNT indicator)", example = "9888") long numerator,
        @Schema(description = "Count below; null for a COUNT indicator", example = "10000") Long denominator,
        @Schema(description = "Numerator of the previous period") long previousNumerator,
        @Schema(description = "Denominator of the previous period") Long previousDenominator,
        @Schema(description = "The measures the figure is computed from; drill down with "
                + "GET /api/v1/indicators/complaints?measure=...") List<Measure> measures) {

    static IndicatorView of(IndicatorComparison c) {
        return new IndicatorView(c.indicator().name(), c.indicator().nameZh(), c.indicator().nameEn(),
                c.indicator().unit(), c.indicator().key(), c.current().value(), c.previous().value(), c.difference(),
                c.change(), c.current().numerator(), c.current().denominator(), c.previous().numerator(),
                c.previous().denominator(), c.indicator().measures());
    }
}
