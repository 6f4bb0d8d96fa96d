package io.tousu.reporting.rest;

import io.tousu.reporting.repository.CustomerBaseRepository.CustomerBase;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored customer-base report. */
@Schema(description = "A stored customer-base report")
public record CustomerBaseView(
        @Schema(example = "GD") String province,
        @Schema(example = "2026-09") String month,
        @Schema(example = "42000000") long customers,
        @Schema(description = "When the report was taken in; it replaces reports of the same month taken in "
                + "earlier") Instant reportedAt) {

    static CustomerBaseView of(CustomerBase base) {
        return new CustomerBaseView(base.province(), base.month().toString(), base.customers(), base.reportedAt());
    }
}
