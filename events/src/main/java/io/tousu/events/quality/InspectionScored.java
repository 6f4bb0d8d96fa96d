package io.tousu.events.quality;

import io.tousu.events.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An inspector scored a sampled complaint against a scorecard. The agent may appeal the score.
 *
 * @param inspectionId     the inspection of the earlier {@link InspectionSampled}
 * @param inspectorId      the inspector who scored it
 * @param agentId          the agent whose handling was scored
 * @param scorecardId      the scorecard used
 * @param scorecardVersion the version of that scorecard
 * @param score            points awarded
 * @param maxScore         points available on the scorecard
 * @param criticalFailed   whether a critical item failed (the handling fails whatever the score)
 * @param scoredAt         when it was scored
 */
public record InspectionScored(String inspectionId, String inspectorId, String agentId, String scorecardId,
        int scorecardVersion, BigDecimal score, BigDecimal maxScore, boolean criticalFailed, Instant scoredAt)
        implements EventPayload {
}
