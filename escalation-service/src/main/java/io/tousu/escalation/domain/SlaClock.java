package io.tousu.escalation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A durable SLA clock of one complaint. */
@Entity
@Table(name = "sla_clocks")
@IdClass(SlaClockId.class)
public class SlaClock extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Id
    @Enumerated(EnumType.STRING)
    public ClockKind clock;

    @Column(nullable = false)
    public String province;

    @Column(nullable = false)
    public String priority;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockState state;

    /** A running clock of the given kind, due {@code target} after {@code start}. */
    public static SlaClock arm(UUID complaintId, ClockKind kind, String province, String priority, Instant start,
            Duration target) {
        SlaClock c = new SlaClock();
        c.complaintId = complaintId;
        c.clock = kind;
        c.province = province;
        c.priority = priority;
        c.startedAt = start;
        c.dueAt = start.plus(target);
        c.state = ClockState.RUNNING;
        return c;
    }
}
