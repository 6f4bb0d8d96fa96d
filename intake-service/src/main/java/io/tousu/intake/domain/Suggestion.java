package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A suggestion a customer left on the tracking page. */
@Entity
@Table(name = "suggestions")
public class Suggestion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "left_at", nullable = false)
    public Instant leftAt;
}
