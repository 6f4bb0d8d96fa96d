package io.tousu.reporting.rest;

import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.RankingEntry;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ranking of the agents or teams of a province in a month. */
@Schema(description = "Agent or team ranking for coaching and rotation, best first")
public record RankingView(
        @Schema(example = "GD") String province,
        @Schema(example = "2026-09") String month,
        @Schema(description = "AGENT or TEAM") Dimension by,
        @Schema(description = "Time zone the month is taken in", example = "Asia/Shanghai") String zone,
        @Schema(description = "Order: error rate ascending (members without ticket volume last), then substantiated "
                + "staff complaints, substantiated complaints (fewest first), ticket volume (most first); ties share "
                + "a rank") List<RankingEntry> entries) {
}
