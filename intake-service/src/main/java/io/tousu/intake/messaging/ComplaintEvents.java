package io.tousu.intake.messaging;

import io.tousu.events.EventEnvelope;
import io.tousu.events.Msisdn;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.intake.domain.Complaint;
import java.util.Arrays;
import java.util.List;

/** Maps complaint changes to events of the contract; phone numbers leave masked only. */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    public static EventEnvelope received(Complaint c) {
        ComplaintReceived payload = new ComplaintReceived(c.ticketNo, c.channel.name(), c.channelRef, c.city,
                Msisdn.mask(c.msisdn), null, c.category, null, c.priority.name(), reasons(c.priorityReasons),
                List.of(), false, c.receivedAt);
        return EventEnvelope.of(payload, c.province, c.id.toString(), c.receivedAt);
    }

    private static List<String> reasons(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
