package io.tousu.quality.domain;

import io.tousu.events.EventEnvelope;
import java.util.List;

/**
 * What a risk rule is evaluated against: the event just consumed, the complaint's history folded
 * from all its events, and the events that occurred before this one (in time order).
 *
 * @param event   the event being checked
 * @param history the complaint's history (including this event)
 * @param earlier the complaint's other events that occurred no later than this one, oldest first
 */
public record RuleContext(EventEnvelope event, ComplaintHistory history, List<EventEnvelope> earlier) {

    /** The context of {@code event} within the complaint's events in time order (which include it). */
    public static RuleContext of(EventEnvelope event, List<EventEnvelope> ordered, ComplaintHistory history) {
        List<EventEnvelope> before = ordered.stream()
                .filter(e -> !e.eventId().equals(event.eventId()) && !e.occurredAt().isAfter(event.occurredAt()))
                .toList();
        return new RuleContext(event, history, before);
    }
}
