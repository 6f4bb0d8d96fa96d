package io.tousu.reporting.rest;

import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.Measure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The complaints behind a figure. */
@Schema(description = "The complaints behind one measure of a figure, by id")
public record ComplaintIdsView(
        @Schema(example = "SUBSTANTIATED") Measure measure,
        @Schema(example = "GD") String province,
        @Schema(example = "2026-09") String period,
        @Schema(description = "Filters applied, by dimension") Map<Dimension, String> filters,
        @Schema(description = "How many distinct complaints there are in all", example = "37") long total,
        @Schema(description = "Whether more complaints exist than listed") boolean truncated,
        @Schema(description = "Complaint ids in id order, at most limit") List<UUID> complaintIds) {
}
