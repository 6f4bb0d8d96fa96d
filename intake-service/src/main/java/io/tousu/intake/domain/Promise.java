package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A promise made to the customer (call-back, progress notice) with its due time and its keeping. */
@Entity
@Table(name = "promises")
public class Promise extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PromiseKind kind;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "made_by", nullable = false)
    public String madeBy;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;

    @Column(name = "kept_at")
    public Instant keptAt;

    @Column(name = "broken_at")
    public Instant brokenAt;

    /** OPEN, KEPT or BROKEN. */
    public String state() {
        return keptAt != null ? "KEPT" : brokenAt != null ? "BROKEN" : "OPEN";
    }
}
