package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A complaint quality may inspect once it is resolved. */
@Entity
@Table(name = "inspection_candidates")
public class InspectionCandidate extends PanacheEntityBase {

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

    @Column(name = "high_risk", nullable = false)
    public boolean highRisk;

    /** Reasons separated by commas. */
    @Column(name = "risk_reasons", nullable = false)
    public String riskReasons;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
