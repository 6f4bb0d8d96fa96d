package io.tousu.escalation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a policy: what it was afterwards, and how many open clocks were recomputed. */
@Entity
@Table(name = "sla_policy_audit")
public class PolicyAuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "policy_id", nullable = false)
    public long policyId;

    /** CREATED or UPDATED. */
    @Column(nullable = false)
    public String action;

    /** The policy after the change, as the API shows it (JSON). */
    @Column(nullable = false)
    public String snapshot;

    @Column(name = "recomputed_clocks", nullable = false)
    public int recomputedClocks;

    @Column(nullable = false)
    public Instant at;
}
