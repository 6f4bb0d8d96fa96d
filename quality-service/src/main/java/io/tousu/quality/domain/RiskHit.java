package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A risk rule hit by one event of a complaint, with its evidence (personal data masked). */
@Entity
@Table(name = "risk_hits")
public class RiskHit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "rule_id", nullable = false)
    public UUID ruleId;

    @Column(name = "rule_code", nullable = false)
    public String ruleCode;

    @Column(name = "rule_version", nullable = false)
    public int ruleVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Minefield minefield;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String province;

    @Column(name = "ticket_no")
    public String ticketNo;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "team_id")
    public String teamId;

    /** The matched values, "; "-separated, masked. */
    @Column(nullable = false, columnDefinition = "text")
    public String evidence;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The month (yyyy-MM, province zone) of the event that hit. */
    @Column(name = "hit_month", nullable = false)
    public String hitMonth;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
