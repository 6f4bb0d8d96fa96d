package io.tousu.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON envelope of every Tousu event.
 *
 * @param eventId       unique id; consumers record it to ignore redeliveries
 * @param type          the wire name of the payload type, see {@link EventType}
 * @param schemaVersion {@code major.minor}; consumers accept any minor of the major they know
 * @param occurredAt    when the change happened (UTC)
 * @param province      province code (e.g. {@code GD}) the complaint belongs to
 * @param complaintId   the complaint this event is about (also the Kafka key); may be null for
 *                      events not about one complaint (call volume, hot spots)
 * @param payload       the type-specific body
 */
@JsonPropertyOrder({"eventId", "type", "schemaVersion", "occurredAt", "province", "complaintId", "payload"})
public record EventEnvelope(UUID eventId, String type, String schemaVersion, Instant occurredAt, String province,
        String complaintId, JsonNode payload) {

    /** The version producers write. */
    public static final String SCHEMA_VERSION = "1.0";
    /** The major version consumers of this build understand. */
    public static final int SUPPORTED_MAJOR = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** A new envelope with a random event id around the given payload. */
    public static EventEnvelope of(EventPayload payload, String province, String complaintId, Instant occurredAt) {
        return of(UUID.randomUUID(), payload, province, complaintId, occurredAt);
    }

    /** A new envelope with a chosen event id (tests, replays). */
    public static EventEnvelope of(UUID eventId, EventPayload payload, String province, String complaintId,
            Instant occurredAt) {
        return new EventEnvelope(eventId, payload.eventType().wireName(), SCHEMA_VERSION, occurredAt, province,
                complaintId, EventCodec.toTree(payload));
    }

    /** The registered type, or empty for a type this build does not know (newer producers). */
    @JsonIgnore
    public Optional<EventType> knownType() {
        return EventType.byWireName(type);
    }

    /** The topic this event belongs on. */
    @JsonIgnore
    public String topic() {
        return knownType().map(EventType::topic)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + type));
    }

    /** True when a consumer of this build can read the payload: same major schema version. */
    @JsonIgnore
    public boolean isReadable() {
        return knownType().isPresent() && majorVersion() == SUPPORTED_MAJOR;
    }

    /** The major part of {@link #schemaVersion()}, or -1 when it is not a number. */
    @JsonIgnore
    public int majorVersion() {
        int dot = schemaVersion.indexOf('.');
        String major = dot < 0 ? schemaVersion : schemaVersion.substring(0, dot);
        try {
            return Integer.parseInt(major);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The payload mapped to its record; unknown fields are ignored. */
    public <T extends EventPayload> T payloadAs(Class<T> payloadType) {
        return EventCodec.fromTree(payload, payloadType);
    }
}
