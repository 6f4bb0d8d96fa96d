package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A complaint: the system of record. The phone number is stored here and nowhere else in full.
 * Concurrent changes are detected by {@link #version} (optimistic locking: the loser gets a 409).
 */
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

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_tier")
    public String customerTier;

    @Column(nullable = false)
    public String category;

    public String subcategory;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(name = "description_hash", nullable = false)
    public String descriptionHash;

    /** Attachment references, one per line ({@code name|reference}). */
    @Column(columnDefinition = "text")
    public String attachments;

    @Enumerated(EnumType.STRING)
    @Column(name = "contact_preference")
    public ContactPreference contactPreference;

    @Column(name = "contact_window")
    public String contactWindow;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "priority_reasons", nullable = false, columnDefinition = "text")
    public String priorityReasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_wait")
    public ComplaintStatus statusBeforeWait;

    @Column(name = "wait_started_at")
    public Instant waitStartedAt;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "team_id")
    public String teamId;

    @Enumerated(EnumType.STRING)
    public Office office;

    @Column(name = "front_owner_id")
    public String frontOwnerId;

    @Column(name = "front_team_id")
    public String frontTeamId;

    @Column(name = "handed_off", nullable = false)
    public boolean handedOff;

    /** Ids of earlier complaints this one repeats, comma-separated, most recent first. */
    @Column(name = "repeat_of", nullable = false, columnDefinition = "text")
    public String repeatOf;

    @Column(name = "suspected_malicious", nullable = false)
    public boolean suspectedMalicious;

    @Column(name = "malicious_reasons", nullable = false, columnDefinition = "text")
    public String maliciousReasons;

    @Column(name = "urge_count", nullable = false)
    public int urgeCount;

    @Column(name = "last_urged_at")
    public Instant lastUrgedAt;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(name = "first_contact_at")
    public Instant firstContactAt;

    public Boolean substantiated;

    @Enumerated(EnumType.STRING)
    public Responsibility responsibility;

    @Column(name = "staff_id")
    public String staffId;

    @Column(name = "resolution_code")
    public String resolutionCode;

    @Column(name = "resolution_summary", columnDefinition = "text")
    public String resolutionSummary;

    @Column(name = "compensation_amount")
    public BigDecimal compensationAmount;

    @Column(name = "compensation_approved", nullable = false)
    public boolean compensationApproved;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "followed_up_at")
    public Instant followedUpAt;

    public Boolean satisfied;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> repeatOfIds() {
        return split(repeatOf, ",");
    }

    public List<String> priorityReasonList() {
        return split(priorityReasons, "\n");
    }

    public List<String> maliciousReasonList() {
        return split(maliciousReasons, "\n");
    }

    /** Resolved at first contact: never handed off, reopened or a repeat. */
    public boolean isFirstContactResolution() {
        return !handedOff && reopenCount == 0 && repeatOf.isEmpty();
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
    }
}
