package io.tousu.intake.rest;

import io.tousu.events.Msisdn;
import io.tousu.intake.domain.Complaint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint as the API shows it; the phone number appears masked. */
@Schema(description = "A complaint")
public record ComplaintView(UUID id, String ticketNo, String channel, String channelRef, String province, String city,
        @Schema(description = "Phone number, masked", example = "138****5678") String msisdnMasked,
        String category, String priority,
        @Schema(description = "Rules that raised the priority") List<String> priorityReasons,
        String status, Instant receivedAt) {

    static ComplaintView of(Complaint c) {
        return new ComplaintView(c.id, c.ticketNo, c.channel.name(), c.channelRef, c.province, c.city,
                Msisdn.mask(c.msisdn), c.category, c.priority.name(),
                c.priorityReasons.isEmpty() ? List.of() : List.of(c.priorityReasons.split("\n")), c.status.name(),
                c.receivedAt);
    }
}
