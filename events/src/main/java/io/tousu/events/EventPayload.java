package io.tousu.events;

/**
 * Marker for the payload of an event. Every implementation is a record registered in
 * {@link EventType}, which gives it its wire name and its topic.
 */
public interface EventPayload {

    /** The registered type of this payload. */
    default EventType eventType() {
        return EventType.of(getClass());
    }
}
