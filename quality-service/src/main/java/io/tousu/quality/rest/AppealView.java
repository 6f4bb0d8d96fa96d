package io.tousu.quality.rest;

import io.tousu.quality.domain.Appeal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An appeal. */
@Schema(description = "An agent's appeal (复核) against an inspection score")
public record AppealView(UUID id, UUID inspectionId, UUID complaintId, String province, String agentId,
        String reason, @Schema(description = "OPEN, UPHELD or REJECTED") String status, BigDecimal originalScore,
        Instant appealedAt, String decidedBy, Boolean upheld,
        @Schema(description = "The score that stands once decided") BigDecimal finalScore, String decisionReason,
        Instant decidedAt) {

    static AppealView of(Appeal a) {
        return new AppealView(a.id, a.inspectionId, a.complaintId, a.province, a.agentId, a.reason, a.status.name(),
                a.originalScore, a.appealedAt, a.decidedBy, a.upheld, a.finalScore, a.decisionReason, a.decidedAt);
    }
}
