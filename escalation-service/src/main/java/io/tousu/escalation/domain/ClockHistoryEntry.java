package io.tousu.escalation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a complaint's append-only clock and escalation history. */
@Entity
@Table(name = "clock_history")
public class ClockHistoryEntry extends PanacheEntityBase {

    /** What happened. */
    public enum Action {
        ARMED, PAUSED, RESUMED, STOPPED, RESTARTED, RECOMPUTED, POLICY_CHANGED, WARNED, BREACHED, ESCALATED, RISK_RAISED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    /** The clock concerned; null for what concerns the whole complaint (escalations, risk). */
    public String clock;

    @Column(nullable = false)
    public String action;

    /** The complaint's escalation level after the change. */
    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public Instant at;

    public String detail;

    public static ClockHistoryEntry of(TrackedComplaint complaint, SlaClock clock, Action action, Instant at,
            String detail) {
        ClockHistoryEntry e = new ClockHistoryEntry();
        e.complaintId = complaint.complaintId;
        e.clock = clock == null ? null
                : clock.ref.isEmpty() ? clock.kind.name() : clock.kind.name() + ":" + clock.ref;
        e.action = action.name();
        e.level = complaint.level;
        e.at = at;
        // the column holds 300 characters; a long policy name must not make the change fail
        e.detail = detail != null && detail.length() > 300 ? detail.substring(0, 299) + "…" : detail;
        return e;
    }
}
