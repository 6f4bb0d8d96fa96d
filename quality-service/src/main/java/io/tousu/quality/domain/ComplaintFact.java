package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One complaint as audits and flags count it, refreshed from its history after each event. */
@Entity
@Table(name = "complaint_facts")
public class ComplaintFact extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(nullable = false)
    public String province;

    @Column(name = "ticket_no")
    public String ticketNo;

    public String channel;

    public String category;

    /** Who handled it: the resolver, else the owner. */
    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** When it was (last) resolved or closed; null while open. */
    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The month (yyyy-MM, province zone) of {@link #finishedAt}. */
    @Column(name = "finished_month")
    public String finishedMonth;
}
