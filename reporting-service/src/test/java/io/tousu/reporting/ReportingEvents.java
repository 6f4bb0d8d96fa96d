package io.tousu.reporting;

import io.tousu.events.EventEnvelope;
import io.tousu.events.EventPayload;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.events.quality.InspectionScored;
import io.tousu.events.quality.RiskHitRecorded;
import io.tousu.events.quality.TicketErrorRecorded;
import io.tousu.events.reporting.CallVolumeReported;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Events of one complaint as intake, escalation and quality would publish them, for reporting tests. */
final class ReportingEvents {

    static final String AGENT = "agent-7";
    static final String TEAM = "team-1";

    private final String province;
    private final UUID id = UUID.randomUUID();

    ReportingEvents(String province) {
        this.province = province;
    }

    UUID id() {
        return id;
    }

    EventEnvelope received(String city, String channel, boolean repeat, Instant at) {
        return envelope(new ComplaintReceived(province + "2026" + id.toString().substring(0, 8), channel, "ref-" + id,
                city, "138****5678", null, "BILLING_DISPUTE", null, "NORMAL", List.of(),
                repeat ? List.of(UUID.randomUUID().toString()) : List.of(), false, at), at);
    }

    EventEnvelope received(String city, String category, Instant at) {
        return envelope(new ComplaintReceived(province + "2026" + id.toString().substring(0, 8), "HOTLINE", "ref-" + id,
                city, "138****5678", null, category, null, "NORMAL", List.of(), List.of(), false, at), at);
    }

    EventEnvelope escalated(int toLevel, Instant at) {
        return envelope(new ComplaintEscalated(toLevel - 1, toLevel, toLevel == 1 ? "TEAM_LEAD" : "MANAGER", "BREACH",
                null, at), at);
    }

    EventEnvelope assigned(String owner, String team, Instant at) {
        return envelope(new ComplaintAssigned(owner, "Agent " + owner, team, "FRONT", "SYSTEM", at), at);
    }

    EventEnvelope resolved(boolean substantiated, String responsibility, boolean firstContact, Instant at) {
        return envelope(new ComplaintResolved(substantiated, responsibility,
                "STAFF".equals(responsibility) ? AGENT : null, "REFUND", "refunded the double charge", null, false,
                firstContact, false, AGENT, at), at);
    }

    EventEnvelope reopened(Instant at) {
        return envelope(new ComplaintReopened("UNSATISFIED_FOLLOW_UP", 1, at), at);
    }

    EventEnvelope followedUp(boolean satisfied, Instant at) {
        return envelope(new ComplaintFollowedUp(satisfied, satisfied, null, at), at);
    }

    EventEnvelope breached(String clock, Instant dueAt) {
        return envelope(new SlaBreached(clock, dueAt, 0, dueAt.plusSeconds(30)), dueAt.plusSeconds(30));
    }

    EventEnvelope ticketError(Instant at) {
        return envelope(new TicketErrorRecorded("err-" + UUID.randomUUID(), "WRONG_CATEGORY", AGENT, TEAM,
                "filed under the wrong category", "inspector-1", at), at);
    }

    EventEnvelope ticketError(String agent, String team, Instant at) {
        return envelope(new TicketErrorRecorded("err-" + UUID.randomUUID(), "WRONG_CATEGORY", agent, team,
                "filed under the wrong category", "inspector-1", at), at);
    }

    EventEnvelope inspected(Instant at) {
        return envelope(new InspectionScored("insp-" + UUID.randomUUID(), "inspector-1", AGENT, "card-1", 1,
                new BigDecimal("92.5"), new BigDecimal("100"), false, at), at);
    }

    EventEnvelope riskHit(Instant at) {
        return envelope(new RiskHitRecorded("hit-" + UUID.randomUUID(), "rule-1", "FORCED_SUBSCRIPTION",
                "SERVICE_RED_LINE", "HIGH", AGENT, TEAM, "subscribed without consent", at), at);
    }

    static EventEnvelope callVolume(String province, LocalDate day, String city, long calls, Instant reportedAt) {
        return EventEnvelope.of(new CallVolumeReported(day, city, calls, reportedAt), province, null, reportedAt);
    }

    private EventEnvelope envelope(EventPayload payload, Instant at) {
        return EventEnvelope.of(payload, province, id.toString(), at);
    }
}
