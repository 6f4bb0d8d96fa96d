package io.tousu.reporting.repository;

import static io.tousu.reporting.repository.ComplaintFactWriter.execute;

import io.smallrye.mutiny.Uni;
import io.tousu.events.quality.InspectionScored;
import io.tousu.events.quality.RiskHitRecorded;
import io.tousu.events.quality.TicketErrorRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Writes ticket errors, risk hits and scored inspections, in the caller's transaction. Each is keyed
 * by its own id, so the same finding published twice under different event ids still counts once.
 */
@ApplicationScoped
public class QualityFactWriter {

    public Uni<Void> ticketError(UUID complaintId, String province, TicketErrorRecorded e) {
        return execute("insert into ticket_errors (error_id, complaint_id, province, error_type, agent_id, team_id, "
                + "recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (error_id) do nothing",
                e.errorId(), complaintId, province, e.errorType(), e.agentId(), e.teamId(), e.recordedAt());
    }

    public Uni<Void> riskHit(UUID complaintId, String province, RiskHitRecorded h) {
        return execute("insert into risk_hits (hit_id, complaint_id, province, rule_code, minefield, severity, "
                + "agent_id, team_id, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                + "on conflict (hit_id) do nothing", h.hitId(), complaintId, province, h.ruleCode(), h.minefield(),
                h.severity(), h.agentId(), h.teamId(), h.recordedAt());
    }

    /** A scored inspection is an audited ticket; a re-score of the same inspection replaces the score. */
    public Uni<Void> inspection(UUID complaintId, String province, InspectionScored s) {
        return execute("insert into inspections (inspection_id, complaint_id, province, agent_id, score, max_score, "
                + "critical_failed, scored_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (inspection_id) "
                + "do update set score = excluded.score, max_score = excluded.max_score, "
                + "critical_failed = excluded.critical_failed", s.inspectionId(), complaintId, province, s.agentId(),
                s.score(), s.maxScore(), s.criticalFailed(), s.scoredAt());
    }
}
