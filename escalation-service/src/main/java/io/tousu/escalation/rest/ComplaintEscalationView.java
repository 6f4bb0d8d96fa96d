package io.tousu.escalation.rest;

import io.tousu.escalation.domain.ClockHistoryEntry;
import io.tousu.escalation.domain.SlaClock;
import io.tousu.escalation.domain.TrackedComplaint;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint's escalation state: level, risk, clocks (resolution first) and their history. */
@Schema(description = "A complaint's escalation state: level, regulator risk, clocks and their history")
public record ComplaintEscalationView(UUID complaintId, String ticketNo, String province, String channel,
        String category, String priority,
        @Schema(description = "OPEN, RESOLVED or CLOSED") String phase,
        @Schema(description = "0 = owner only, 1 TEAM_LEAD, 2 MANAGER, 3 CENTRE_DIRECTOR, 4 PROVINCE") int level,
        @Schema(description = "Name of the level; absent at 0") String levelName,
        String ownerId, long policyId,
        @Schema(description = "Regulator-appeal risk, 0-100") int riskScore,
        @Schema(description = "Signals behind the score, e.g. REPEAT, URGED, SLA_BREACHED") List<String> riskReasons,
        @Schema(description = "When RegulatorRiskRaised was raised, if it was") Instant riskRaisedAt,
        List<ClockView> clocks, List<HistoryView> history) {

    static ComplaintEscalationView of(TrackedComplaint c, List<SlaClock> clocks, List<ClockHistoryEntry> history) {
        return new ComplaintEscalationView(c.complaintId, c.ticketNo, c.province, c.channel, c.category, c.priority,
                c.phase.name(), c.level, c.levelName() == null ? null : c.levelName().name(), c.ownerId, c.policyId,
                c.riskScore, reasons(c.riskReasons), c.riskRaisedAt, clocks.stream()
                        .sorted(Comparator.comparing((SlaClock k) -> k.kind).thenComparing(k -> k.id))
                        .map(ClockView::of).toList(),
                history.stream().map(HistoryView::of).toList());
    }

    static List<String> reasons(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
