package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An audit (稽查): a reproducible sample of a month's finished tickets checked against a rule set. */
@Entity
@Table(name = "audits")
public class Audit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String province;

    /** yyyy-MM: tickets finished (resolved or closed) in this month, province zone. */
    @Column(nullable = false)
    public String month;

    /** The rules audited, comma-separated; empty with no minefields either: every rule. */
    @Column(name = "rule_codes", nullable = false)
    public String ruleCodes;

    /** The minefields audited, comma-separated; empty: those of the rule codes (or all). */
    @Column(nullable = false)
    public String minefields;

    @Column(name = "sample_size", nullable = false)
    public int sampleSize;

    @Column(nullable = false)
    public long seed;

    /** Tickets audited (at most the sample size: fewer when the month had fewer). */
    @Column(nullable = false)
    public int audited;

    /** Audited tickets with a hit. */
    @Column(nullable = false)
    public int hits;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
