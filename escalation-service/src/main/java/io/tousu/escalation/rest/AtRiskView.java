package io.tousu.escalation.rest;

import io.tousu.escalation.domain.TrackedComplaint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An open complaint with its regulator-appeal risk. */
@Schema(description = "An open complaint with its regulator-appeal (越级申诉) risk")
public record AtRiskView(UUID complaintId, String ticketNo, String province, String category, int level,
        @Schema(description = "0-100") int riskScore, List<String> reasons,
        @Schema(description = "When RegulatorRiskRaised was raised, if it was") Instant riskRaisedAt) {

    static AtRiskView of(TrackedComplaint c) {
        return new AtRiskView(c.complaintId, c.ticketNo, c.province, c.category, c.level, c.riskScore,
                ComplaintEscalationView.reasons(c.riskReasons), c.riskRaisedAt);
    }
}
