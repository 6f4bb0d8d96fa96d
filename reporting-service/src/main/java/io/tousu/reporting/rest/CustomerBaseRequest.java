package io.tousu.reporting.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The operator's customer base of a province in one month. */
@Schema(description = "Customers of a province in a month (客户规模), the denominator of regulator complaints per "
        + "10k customers; a later report of the same month replaces the earlier one")
public record CustomerBaseRequest(
        @Schema(description = "Province code", example = "GD", required = true)
        @NotNull(message = "is required") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                message = QueryParams.PROVINCE_MESSAGE) String province,
        @Schema(description = "The month, in the province's calendar", example = "2026-09", required = true)
        @NotNull(message = "is required, as YYYY-MM") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])",
                message = "must be a month as YYYY-MM, e.g. 2026-09") String month,
        @Schema(description = "Customers (subscribers) of the province that month", example = "42000000",
                required = true)
        @NotNull(message = "is required") @Positive(message = "must be more than 0") Long customers) {

    /** The month; valid once the pattern has been checked. */
    public YearMonth yearMonth() {
        return YearMonth.parse(month);
    }
}
