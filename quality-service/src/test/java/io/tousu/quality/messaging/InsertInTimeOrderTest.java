package io.tousu.quality.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.NoteAdded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A batch's events join their complaint's history where reading it back would put them. */
class InsertInTimeOrderTest {

    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
    private final String complaint = UUID.randomUUID().toString();

    private EventEnvelope at(long seconds, String text) {
        return EventEnvelope.of(new NoteAdded("agent-1", text, T.plusSeconds(seconds)), "GD", complaint,
                T.plusSeconds(seconds));
    }

    private static List<String> texts(List<EventEnvelope> events) {
        return events.stream().map(e -> e.payloadAs(NoteAdded.class).text()).toList();
    }

    @Test
    void aLaterEventGoesLastAndAnEarlierOneBeforeTheEventsAfterIt() {
        List<EventEnvelope> history = new ArrayList<>(List.of(at(10, "a"), at(30, "c")));
        QualityEventsConsumer.insertInTimeOrder(history, at(40, "d"));
        QualityEventsConsumer.insertInTimeOrder(history, at(20, "b"));
        QualityEventsConsumer.insertInTimeOrder(history, at(0, "first"));
        assertThat(texts(history)).containsExactly("first", "a", "b", "c", "d");
    }

    @Test
    void anEventAtTheSameTimeAsEarlierOnesGoesAfterThemAsItArrivedLater() {
        List<EventEnvelope> history = new ArrayList<>(List.of(at(10, "a"), at(20, "b1"), at(30, "c")));
        QualityEventsConsumer.insertInTimeOrder(history, at(20, "b2"));
        QualityEventsConsumer.insertInTimeOrder(history, at(10, "a2"));
        assertThat(texts(history)).containsExactly("a", "a2", "b1", "b2", "c");
    }

    @Test
    void theFirstEventOfAComplaintStartsItsHistory() {
        List<EventEnvelope> history = new ArrayList<>();
        QualityEventsConsumer.insertInTimeOrder(history, at(5, "only"));
        assertThat(texts(history)).containsExactly("only");
    }
}
