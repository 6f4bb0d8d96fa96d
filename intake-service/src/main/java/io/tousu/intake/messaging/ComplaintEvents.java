package io.tousu.intake.messaging;

import io.tousu.events.Msisdn;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.intake.domain.Complaint;

/**
 * Maps a new complaint to its {@code ComplaintReceived} event. No event carries the full phone
 * number: consumers get it masked; a notification gateway that must reach the customer asks
 * intake for the number by complaint id.
 */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    public static ComplaintReceived received(Complaint c) {
        return new ComplaintReceived(c.ticketNo, c.channel.name(), c.channelRef, c.city, Msisdn.mask(c.msisdn),
                c.customerTier, c.category, c.subcategory, c.priority.name(), c.priorityReasonList(), c.repeatOfIds(),
                c.suspectedMalicious, c.receivedAt);
    }
}
