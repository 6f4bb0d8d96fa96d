package io.tousu.escalation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What escalation knows of a complaint: enough to choose its policy, escalate it, notify the right
 * people and score its regulator risk. Built from {@code tousu.complaints}; the phone number is
 * never kept here.
 */
@Entity
@Table(name = "tracked_complaints")
public class TrackedComplaint extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "ticket_no", nullable = false)
    public String ticketNo;

    @Column(nullable = false)
    public String province;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String priority;

    @Column(name = "customer_tier")
    public String customerTier;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "team_id")
    public String teamId;

    /** When the current owner took over: an older assignment arriving late does not replace them. */
    @Column(name = "owner_since")
    public Instant ownerSince;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintPhase phase;

    /** When {@link #phase} last changed: an older resolve or reopen arriving late does not undo a newer one. */
    @Column(name = "phase_changed_at", nullable = false)
    public Instant phaseChangedAt;

    /** 0 = the owner alone; 1..4 = {@link EscalationLevel#number()}. */
    @Column(nullable = false)
    public int level;

    @Column(name = "policy_id", nullable = false)
    public long policyId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "first_contact_at")
    public Instant firstContactAt;

    /** Start of the customer wait in progress, if any. */
    @Column(name = "waiting_since")
    public Instant waitingSince;

    /** End of the latest customer wait: a wait start older than this arrived late and is already over. */
    @Column(name = "last_wait_ended_at")
    public Instant lastWaitEndedAt;

    @Column(name = "repeat_complaint", nullable = false)
    public boolean repeat;

    @Column(name = "sensitive_words", nullable = false)
    public boolean sensitiveWords;

    @Column(name = "premium_customer", nullable = false)
    public boolean premiumCustomer;

    @Column(name = "urge_count", nullable = false)
    public int urgeCount;

    @Column(name = "breach_count", nullable = false)
    public int breachCount;

    @Column(name = "broken_promises", nullable = false)
    public int brokenPromises;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(name = "risk_score", nullable = false)
    public int riskScore;

    /** Comma-separated reason codes of {@link #riskScore}. */
    @Column(name = "risk_reasons", nullable = false)
    public String riskReasons;

    @Column(name = "risk_raised_at")
    public Instant riskRaisedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The name of the current level, or null at level 0. */
    public EscalationLevel levelName() {
        return level == 0 ? null : EscalationLevel.values()[level - 1];
    }
}
