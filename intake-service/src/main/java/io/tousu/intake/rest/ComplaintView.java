package io.tousu.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tousu.events.Msisdn;
import io.tousu.intake.domain.Action;
import io.tousu.intake.domain.Complaint;
import io.tousu.intake.domain.HistoryEntry;
import io.tousu.intake.domain.Lifecycle;
import io.tousu.intake.domain.Promise;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint as the API shows it; the phone number appears masked. */
@Schema(description = "A complaint. `version` is its optimistic-lock version: send it as If-Match to act on it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintView(UUID id, String ticketNo, String channel, String channelRef, String province, String city,
        Customer customer, String category, String subcategory, String description, List<Attachment> attachments,
        String contactPreference, String contactWindow, String priority,
        @Schema(description = "Rules that raised the priority") List<String> priorityReasons,
        String status, Owner owner, boolean handedOff,
        @Schema(description = "Earlier complaints of the same customer and category this one repeats") List<UUID> repeatOf,
        boolean suspectedMalicious, List<String> maliciousReasons, int urgeCount, int reopenCount,
        Resolution resolution, FollowUp followUp, Instant receivedAt, Instant updatedAt, Instant closedAt, long version,
        @Schema(description = "What may be done next") Set<Action> allowedActions,
        @Schema(description = "Promises made to the customer (on GET by id)") List<PromiseView> promises,
        @Schema(description = "Who did what and when (on GET by id)") List<HistoryView> history) {

    /**
     * The customer: the phone number always masked; the customer id in full on one complaint (the
     * handler needs it to find the account) and masked in search results, which list many customers.
     */
    public record Customer(@Schema(example = "138****5678") String msisdnMasked,
            @Schema(description = "In full on a single complaint, masked (C0****45) in search results",
                    example = "C0012345") String customerId,
            String tier) {

        /** The same customer with the customer id masked. */
        Customer masked() {
            return new Customer(msisdnMasked, maskCustomerId(customerId), tier);
        }
    }

    /** Keeps the first two and last two characters of a customer id; shorter ids become stars. */
    static String maskCustomerId(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        if (id.length() <= 6) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 2) + "*".repeat(id.length() - 4) + id.substring(id.length() - 2);
    }

    /** This view as a search result: the customer id masked. */
    ComplaintView inList() {
        return new ComplaintView(id, ticketNo, channel, channelRef, province, city, customer.masked(), category,
                subcategory, description, attachments, contactPreference, contactWindow, priority, priorityReasons,
                status, owner, handedOff, repeatOf, suspectedMalicious, maliciousReasons, urgeCount, reopenCount,
                resolution, followUp, receivedAt, updatedAt, closedAt, version, allowedActions, promises, history);
    }

    public record Attachment(String name, String reference) {
    }

    /** The named owner (专人负责). */
    public record Owner(String ownerId, String ownerName, String teamId, String office) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resolution(Boolean substantiated, String responsibility, String staffId, String resolutionCode,
            String summary, BigDecimal compensationAmount, boolean compensationApproved, String resolvedBy,
            Instant resolvedAt) {
    }

    public record FollowUp(Boolean satisfied, Instant followedUpAt) {
    }

    public record PromiseView(UUID id, String kind, Instant dueAt, String madeBy, Instant madeAt, String state,
            Instant keptAt, Instant brokenAt) {

        static PromiseView of(Promise p) {
            return new PromiseView(p.id, p.kind.name(), p.dueAt, p.madeBy, p.madeAt, p.state(), p.keptAt, p.brokenAt);
        }
    }

    public record HistoryView(Instant at, String actorId, String actorRole, String action, String fromStatus,
            String toStatus, String detail) {

        static HistoryView of(HistoryEntry h) {
            return new HistoryView(h.at, h.actorId, h.actorRole.name(), h.action,
                    h.fromStatus == null ? null : h.fromStatus.name(), h.toStatus == null ? null : h.toStatus.name(),
                    h.detail);
        }
    }

    static ComplaintView of(Complaint c) {
        return of(c, null, null);
    }

    static ComplaintView of(Complaint c, List<Promise> promises, List<HistoryEntry> history) {
        return new ComplaintView(c.id, c.ticketNo, c.channel.name(), c.channelRef, c.province, c.city,
                new Customer(Msisdn.mask(c.msisdn), c.customerId, c.customerTier), c.category, c.subcategory,
                c.description, attachments(c.attachments),
                c.contactPreference == null ? null : c.contactPreference.name(), c.contactWindow, c.priority.name(),
                c.priorityReasonList(), c.status.name(),
                c.ownerId == null && c.teamId == null ? null
                        : new Owner(c.ownerId, c.ownerName, c.teamId, c.office == null ? null : c.office.name()),
                c.handedOff, c.repeatOfIds().stream().map(UUID::fromString).toList(), c.suspectedMalicious,
                c.maliciousReasonList(), c.urgeCount, c.reopenCount,
                c.resolutionCode == null ? null : new Resolution(c.substantiated,
                        c.responsibility == null ? null : c.responsibility.name(), c.staffId, c.resolutionCode,
                        c.resolutionSummary, c.compensationAmount, c.compensationApproved, c.resolvedBy, c.resolvedAt),
                c.followedUpAt == null ? null : new FollowUp(c.satisfied, c.followedUpAt), c.receivedAt, c.updatedAt,
                c.closedAt, c.version, Lifecycle.allowed(c.status),
                promises == null ? null : promises.stream().map(PromiseView::of).toList(),
                history == null ? null : history.stream().map(HistoryView::of).toList());
    }

    private static List<Attachment> attachments(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split("\n")).map(line -> {
            int bar = line.indexOf('|');
            return new Attachment(line.substring(0, bar), line.substring(bar + 1));
        }).toList();
    }
}
