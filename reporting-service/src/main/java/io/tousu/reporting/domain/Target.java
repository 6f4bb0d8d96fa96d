package io.tousu.reporting.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A SMART target of a province: an indicator from a baseline to a target value by a deadline. */
@Entity
@Table(name = "targets")
public class Target extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Indicator indicator;

    @Column(nullable = false)
    public BigDecimal baseline;

    @Column(name = "baseline_date", nullable = false)
    public LocalDate baselineDate;

    @Column(name = "target_value", nullable = false)
    public BigDecimal targetValue;

    @Column(nullable = false)
    public LocalDate deadline;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
