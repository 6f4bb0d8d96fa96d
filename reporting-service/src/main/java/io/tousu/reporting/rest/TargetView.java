package io.tousu.reporting.rest;

import io.tousu.reporting.domain.Indicator;
import io.tousu.reporting.domain.Target;
import io.tousu.reporting.domain.TargetStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A SMART target with its status today. */
@Schema(description = "A SMART target with its status from the straight line baseline -> target")
public record TargetView(
        UUID id, String province, Indicator indicator, BigDecimal baseline, LocalDate baselineDate,
        BigDecimal targetValue, LocalDate deadline, String description,
        @Schema(description = "The indicator's figure of the current month to date (province zone); null without data")
        BigDecimal current,
        @Schema(description = "The month the current figure is of", example = "2026-11") String currentMonth,
        @Schema(description = "The value the straight line from baseline to target expects today") BigDecimal expected,
        @Schema(description = "ON_TRACK (at least as good as the line; after the deadline: target reached), AT_RISK "
                + "(behind the line, or no figure yet) or MISSED (deadline passed, target not reached)")
        TargetStatus status) {

    static TargetView of(Target t, BigDecimal current, String currentMonth, LocalDate today) {
        return new TargetView(t.id, t.province, t.indicator, t.baseline, t.baselineDate, t.targetValue, t.deadline,
                t.description, current, currentMonth,
                TargetStatus.expected(t.baseline, t.baselineDate, t.targetValue, t.deadline, today),
                TargetStatus.of(t.baseline, t.baselineDate, t.targetValue, t.deadline, current, today));
    }
}
