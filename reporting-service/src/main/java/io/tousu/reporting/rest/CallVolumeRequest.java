package io.tousu.reporting.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A manual call report of one day from the call centre. */
@Schema(description = "Manual call volume (人工接入话务量) of one day; a later report of the same day and city "
        + "replaces the earlier one")
public record CallVolumeRequest(
        @Schema(description = "Province code", example = "GD", required = true)
        @NotNull(message = "is required") @Pattern(regexp = QueryParams.PROVINCE_PATTERN,
                message = QueryParams.PROVINCE_MESSAGE) String province,
        @Schema(description = "The day counted, in the province's zone", example = "2026-09-01", required = true)
        @NotNull(message = "is required, as YYYY-MM-DD") LocalDate date,
        @Schema(description = "Calls handled by a person that day", example = "33333", required = true)
        @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Long manualCalls,
        @Schema(description = "The city; absent for a province-wide report (which then is the province's "
                + "total of the day, whatever cities report)", example = "Shenzhen")
        @Size(max = 50, message = "must be at most 50 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") String city) {
}
