package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An agent's appeal (复核) against an inspection's score, decided by a second inspector. */
@Entity
@Table(name = "appeals")
public class Appeal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id", nullable = false)
    public UUID inspectionId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false)
    public String province;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealStatus status;

    @Column(name = "original_score", nullable = false)
    public BigDecimal originalScore;

    @Column(name = "appealed_at", nullable = false)
    public Instant appealedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    public Boolean upheld;

    @Column(name = "final_score")
    public BigDecimal finalScore;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;
}
