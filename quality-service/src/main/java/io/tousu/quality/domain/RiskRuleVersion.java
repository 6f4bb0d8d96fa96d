package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One version of a risk rule as it was written (hits record the version they were found with). */
@Entity
@Table(name = "risk_rule_versions")
@IdClass(RiskRuleVersion.Key.class)
public class RiskRuleVersion extends PanacheEntityBase {

    /** The primary key. */
    public static class Key implements Serializable {
        public UUID ruleId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ruleId, k.ruleId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, version);
        }
    }

    @Id
    @Column(name = "rule_id")
    public UUID ruleId;

    @Id
    public int version;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Minefield minefield;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    public String description;

    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Column(nullable = false, columnDefinition = "text")
    public String condition;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** The version of {@code r} as it is now. */
    static RiskRuleVersion of(RiskRule r) {
        RiskRuleVersion v = new RiskRuleVersion();
        v.ruleId = r.id;
        v.version = r.version;
        v.code = r.code;
        v.name = r.name;
        v.minefield = r.minefield;
        v.severity = r.severity;
        v.description = r.description;
        v.eventTypes = r.eventTypes;
        v.condition = r.condition;
        v.changedAt = r.updatedAt;
        v.changedBy = r.updatedBy;
        return v;
    }
}
