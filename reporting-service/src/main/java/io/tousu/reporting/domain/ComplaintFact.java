package io.tousu.reporting.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What reporting knows of one complaint, built from its events. */
@Entity
@Table(name = "complaint_facts")
public class ComplaintFact extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "ticket_no", nullable = false)
    public String ticketNo;

    @Column(nullable = false)
    public String province;

    public String city;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String priority;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
