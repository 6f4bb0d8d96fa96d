package io.tousu.escalation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An SLA policy: targets, warning and escalation chain for the complaints its selector matches.
 * A null selector field matches anything; among matching policies the most specific wins (see
 * {@link PolicySelector}).
 */
@Entity
@Table(name = "sla_policies")
public class SlaPolicy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    public String province;
    public String channel;
    public String category;
    public String priority;

    @Column(name = "first_response_seconds", nullable = false)
    public long firstResponseSeconds;

    @Column(name = "next_update_seconds", nullable = false)
    public long nextUpdateSeconds;

    @Column(name = "resolution_seconds", nullable = false)
    public long resolutionSeconds;

    /** Warn this share of the target before the deadline (1..99); or null when {@link #warnBeforeSeconds} is set. */
    @Column(name = "warn_before_percent")
    public Integer warnBeforePercent;

    /** Warn this long before the deadline; or null when {@link #warnBeforePercent} is set. */
    @Column(name = "warn_before_seconds")
    public Long warnBeforeSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "calendar_mode", nullable = false)
    public CalendarMode calendarMode;

    /** The business calendar of BUSINESS_HOURS mode; null for ALWAYS. */
    @Column(name = "calendar_code")
    public String calendarCode;

    @Convert(converter = EscalationChainConverter.class)
    @Column(nullable = false)
    public List<EscalationStep> chain;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The target of a clock kind (not PROMISE: a promise's due time is its own). */
    public Duration target(ClockKind kind) {
        return Duration.ofSeconds(switch (kind) {
            case FIRST_RESPONSE -> firstResponseSeconds;
            case NEXT_UPDATE -> nextUpdateSeconds;
            case RESOLUTION, PROMISE -> resolutionSeconds;
        });
    }

    /** How long before a deadline {@code target} away the owner is warned. */
    public Duration warnBefore(Duration target) {
        if (warnBeforeSeconds != null) {
            return Duration.ofSeconds(Math.min(warnBeforeSeconds, target.toSeconds()));
        }
        return target.multipliedBy(warnBeforePercent).dividedBy(100);
    }

    /** Whether it matches every complaint (no selector field set): the fallback that must always exist. */
    public boolean isCatchAll() {
        return province == null && channel == null && category == null && priority == null;
    }

    /** Whether it selects the same complaints as {@code other}. */
    public boolean sameSelector(SlaPolicy other) {
        return Objects.equals(province, other.province) && Objects.equals(channel, other.channel)
                && Objects.equals(category, other.category) && Objects.equals(priority, other.priority);
    }

    /** Takes over everything but the id from {@code other}. */
    public void copyFrom(SlaPolicy other) {
        name = other.name;
        province = other.province;
        channel = other.channel;
        category = other.category;
        priority = other.priority;
        firstResponseSeconds = other.firstResponseSeconds;
        nextUpdateSeconds = other.nextUpdateSeconds;
        resolutionSeconds = other.resolutionSeconds;
        warnBeforePercent = other.warnBeforePercent;
        warnBeforeSeconds = other.warnBeforeSeconds;
        calendarMode = other.calendarMode;
        calendarCode = other.calendarCode;
        chain = List.copyOf(other.chain);
        updatedAt = other.updatedAt;
    }

    /** One line for the audit trail: every field, readable. */
    public String describe() {
        return "name=" + name + ";province=" + province + ";channel=" + channel + ";category=" + category
                + ";priority=" + priority + ";firstResponse=" + Duration.ofSeconds(firstResponseSeconds)
                + ";nextUpdate=" + Duration.ofSeconds(nextUpdateSeconds) + ";resolution="
                + Duration.ofSeconds(resolutionSeconds) + ";warnBefore="
                + (warnBeforePercent != null ? warnBeforePercent + "%" : Duration.ofSeconds(warnBeforeSeconds))
                + ";calendar=" + calendarMode + (calendarCode != null ? ":" + calendarCode : "") + ";chain="
                + new EscalationChainConverter().convertToDatabaseColumn(chain);
    }

    /** The rung for level number {@code n} (1-based), or null past the top. */
    public EscalationStep step(int n) {
        return n >= 1 && n <= chain.size() ? chain.get(n - 1) : null;
    }
}
