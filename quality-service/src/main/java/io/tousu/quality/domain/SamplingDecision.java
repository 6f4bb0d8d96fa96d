package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Whether a complaint's resolution round was sampled for inspection, and why. */
@Entity
@Table(name = "sampling_decisions")
@IdClass(SamplingDecision.Key.class)
public class SamplingDecision extends PanacheEntityBase {

    /** The composite key: complaint and round. */
    public static class Key implements Serializable {
        public UUID complaintId;
        public int round;

        public Key() {
        }

        public Key(UUID complaintId, int round) {
            this.complaintId = complaintId;
            this.round = round;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.complaintId.equals(complaintId) && k.round == round;
        }

        @Override
        public int hashCode() {
            return Objects.hash(complaintId, round);
        }
    }

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Id
    public int round;

    @Column(nullable = false)
    public String province;

    @Column(name = "agent_id")
    public String agentId;

    public boolean sampled;

    @Column(nullable = false)
    public String reason;

    /** Reasons separated by commas. */
    @Column(nullable = false)
    public String reasons;

    @Column(name = "high_risk")
    public boolean highRisk;

    public double draw;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "inspection_id")
    public UUID inspectionId;
}
