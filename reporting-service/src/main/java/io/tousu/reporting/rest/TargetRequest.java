package io.tousu.reporting.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A SMART target: an indicator of a province from a baseline to a target value by a deadline. */
@Schema(description = "A SMART target, e.g. repeat-complaint rate 5.00 -> 3.00 by 2026-12-31")
public record TargetRequest(
        @Schema(description = "Province code", example = "GD", required = true)
        @NotNull(message = "is required") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                message = QueryParams.PROVINCE_MESSAGE) String province,
        @Schema(description = "Indicator code of the monthly table", example = "REPEAT_COMPLAINT_RATE", required = true)
        @NotNull(message = "is required") String indicator,
        @Schema(description = "The figure at the start", example = "5.00", required = true)
        @NotNull(message = "is required") BigDecimal baseline,
        @Schema(description = "When the baseline was measured; default today (province zone)", example = "2026-07-01")
        LocalDate baselineDate,
        @Schema(description = "The figure to reach", example = "3.00", required = true)
        @NotNull(message = "is required") BigDecimal targetValue,
        @Schema(description = "The day by which to reach it", example = "2026-12-31", required = true)
        @NotNull(message = "is required, as YYYY-MM-DD") LocalDate deadline,
        @Schema(description = "Free text", example = "Cut repeat complaints by 40% this half-year")
        @Size(max = 500, message = "must be at most 500 characters") String description) {
}
