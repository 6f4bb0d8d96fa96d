package io.tousu.reporting.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What reporting knows of one complaint, built from its events (the columns the JPQL queries use;
 * the indicator columns are written and read with SQL, see ComplaintFactWriter and IndicatorQueries).
 * Only the id and the province are certain: the other columns stay null until ComplaintReceived arrives.
 */
@Entity
@Table(name = "complaint_facts")
public class ComplaintFact extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "ticket_no")
    public String ticketNo;

    @Column(nullable = false)
    public String province;

    public String city;

    public String channel;

    public String category;

    public String priority;

    @Column(name = "received_at")
    public Instant receivedAt;
}
