package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A complaint: the system of record. The phone number is stored here and nowhere else in full. */
@Entity
@Table(name = "complaints")
public class Complaint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_no", nullable = false, unique = true)
    public String ticketNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "channel_ref", nullable = false)
    public String channelRef;

    @Column(nullable = false)
    public String province;

    public String city;

    @Column(nullable = false)
    public String msisdn;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "priority_reasons", nullable = false)
    public String priorityReasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Version
    public long version;
}
