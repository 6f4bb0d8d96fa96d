package io.tousu.reporting.rest;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored manual call report. */
@Schema(description = "A stored manual call report")
public record CallVolumeView(
        @Schema(example = "GD") String province,
        @Schema(example = "2026-09-01") LocalDate date,
        @Schema(description = "Null for a province-wide report", example = "Shenzhen") String city,
        @Schema(example = "33333") long manualCalls,
        @Schema(description = "When the report was taken in; it replaces reports of the same day and city taken "
                + "in earlier") Instant reportedAt) {
}
