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

/** A ticket error (工单差错) found in a complaint's handling. */
@Entity
@Table(name = "ticket_errors")
public class TicketError extends PanacheEntityBase {

    /** Who records the errors found by automatic checks. */
    public static final String SYSTEM = "SYSTEM";

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(nullable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(name = "error_type", nullable = false)
    public ErrorType errorType;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "team_id")
    public String teamId;

    @Column(nullable = false)
    public String description;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** For automatic errors: the event that revealed it; null for an inspector's. */
    @Column(name = "source_key")
    public String sourceKey;
}
