package io.tousu.testing;

import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.ComplaintReceived;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as the producing services would write them, for consumer tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A new complaint (fresh id) received on the hotline at {@code at}. */
    public static EventEnvelope complaintReceived(String province, String category, String priority, Instant at) {
        UUID id = UUID.randomUUID();
        String ticketNo = province + "20261122" + String.format("%06d", Math.abs(id.getLeastSignificantBits() % 1_000_000));
        return EventEnvelope.of(new ComplaintReceived(ticketNo, "HOTLINE", "ref-" + id, "Jinan", "138****5678", null,
                category, null, priority, List.of(), List.of(), false, at), province, id.toString(), at);
    }
}
