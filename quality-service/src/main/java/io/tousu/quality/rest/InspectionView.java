package io.tousu.quality.rest;

import io.tousu.quality.domain.AutoCheck;
import io.tousu.quality.domain.AutomaticItems;
import io.tousu.quality.domain.Inspection;
import io.tousu.quality.domain.InspectionWork;
import io.tousu.quality.domain.ItemScore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An inspection. */
@Schema(description = "An inspection (质检) of a sampled complaint")
public record InspectionView(UUID id, UUID complaintId,
        @Schema(description = "Resolution round of the complaint (reopens before it)") int round,
        String ticketNo, String province, String channel, String category, String agentId, String teamId,
        @Schema(description = "Why it was sampled: a high-risk reason, AGENT_COVERAGE or RANDOM") String reason,
        List<String> reasons, boolean highRisk, Instant sampledAt,
        @Schema(description = "PENDING, CLAIMED, SCORED, APPEALED or REVIEWED") String status,
        String inspectorId, Instant claimedAt, UUID scorecardId, Integer scorecardVersion,
        @Schema(description = "Sum of the items before a critical fail") BigDecimal rawScore,
        @Schema(description = "The score (0 after a critical fail)") BigDecimal score, BigDecimal maxScore,
        Boolean criticalFailed, Boolean passed,
        @Schema(description = "After a decided appeal: the score that stands") BigDecimal finalScore,
        List<ItemScore> items, String comment, Instant scoredAt,
        @Schema(description = "Automatic items computed from the complaint's history (only in the detail view)")
        Map<AutoCheck, AutomaticItems.Outcome> automatic,
        @Schema(description = "The scorecard the inspection is (or will be) scored with (only in the detail view)")
        ScorecardView scorecard,
        @Schema(description = "For a calibration inspection (does not count toward the agent): the sampled "
                + "inspection it re-scores") UUID calibrationOf) {

    static InspectionView of(Inspection i) {
        return of(i, null, null);
    }

    static InspectionView of(InspectionWork.Detail d) {
        return of(d.inspection(), d.automatic(), d.scorecard() == null ? null : ScorecardView.of(d.scorecard()));
    }

    private static InspectionView of(Inspection i, Map<AutoCheck, AutomaticItems.Outcome> automatic,
            ScorecardView scorecard) {
        return new InspectionView(i.id, i.complaintId, i.round, i.ticketNo, i.province, i.channel, i.category,
                i.agentId, i.teamId, i.reason, i.reasonList(), i.highRisk, i.sampledAt, i.status.name(),
                i.inspectorId, i.claimedAt, i.scorecardId, i.scorecardVersion, i.rawScore, i.score, i.maxScore,
                i.criticalFailed, i.passed, i.finalScore, i.itemScores, i.comment, i.scoredAt, automatic, scorecard,
                i.calibrationOf);
    }
}
