package io.tousu.quality.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tousu.events.EventCodec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A rule of the risk library (风险地雷库) as stored: its condition is JSON text, see {@link RiskCondition}. */
@Entity
@Table(name = "risk_rules")
public class RiskRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    /** 1 when created, raised by every change; hits record the version they were found with. */
    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Minefield minefield;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    public String description;

    /** Event type wire names, comma-separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Column(nullable = false, columnDefinition = "text")
    public String condition;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    public JsonNode conditionTree() {
        return tree(code, condition);
    }

    /** A stored condition as JSON. */
    public static JsonNode tree(String code, String condition) {
        try {
            return EventCodec.mapper().readTree(condition);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("rule " + code + " has a condition that is not JSON", e);
        }
    }

    /** The stored rule as a definition (to compile it). */
    public RuleBook.Definition definition() {
        return new RuleBook.Definition(code, name, minefield.name(), severity.name(), description, eventTypeList(),
                conditionTree());
    }
}
