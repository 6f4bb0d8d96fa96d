package io.tousu.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.reporting.CallVolumeReported;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventInboxTest {

    @Test
    void onlyContentFailuresArePoisonEverythingElseIsRetried() {
        assertThat(EventInbox.isPoison(new IllegalArgumentException("Invalid UUID string: x"))).isTrue();
        assertThat(EventInbox.isPoison(new EventCodec.MalformedEventException("bad", null))).isTrue();
        assertThat(EventInbox.isPoison(new IllegalStateException("connection refused"))).isFalse();
        assertThat(EventInbox.isPoison(new RuntimeException("timeout"))).isFalse();
    }

    @Test
    void aBatchAppliesTheNewEventsOnceEachInTheirOrder() {
        EventEnvelope a = event();
        EventEnvelope b = event();
        EventEnvelope c = event();
        EventEnvelope seen = event();
        // b redelivered within the batch, seen already processed in an earlier batch
        List<EventEnvelope> batch = List.of(b, seen, a, b, c);
        assertThat(EventInbox.firstOccurrences(batch, Set.of(a.eventId(), b.eventId(), c.eventId())))
                .containsExactly(b, a, c);
        assertThat(EventInbox.firstOccurrences(batch, Set.of())).isEmpty();
    }

    private static EventEnvelope event() {
        Instant at = Instant.parse("2026-09-01T00:00:00Z");
        return EventEnvelope.of(new CallVolumeReported(LocalDate.of(2026, 9, 1), null, 1, at), "GD", null, at);
    }
}
