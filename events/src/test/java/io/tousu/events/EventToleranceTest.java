package io.tousu.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tousu.events.complaint.ComplaintAssigned;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What a consumer of this build makes of events from newer, older or broken producers. */
class EventToleranceTest {

    private static final ComplaintAssigned SAMPLE =
            (ComplaintAssigned) SampleEvents.payload(EventType.COMPLAINT_ASSIGNED);

    @Test
    void newerMinorVersionWithUnknownFieldsIsRead() throws IOException {
        ObjectNode json = sampleJson();
        json.put("schemaVersion", "1.7");
        json.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        payloadOf(json).put("ownerPhoneExtension", "8021");

        EventEnvelope read = EventCodec.read(json.toString());

        assertThat(read.isReadable()).isTrue();
        assertThat(read.knownType()).contains(EventType.COMPLAINT_ASSIGNED);
        assertThat(read.payloadAs(ComplaintAssigned.class)).isEqualTo(SAMPLE);
    }

    @Test
    void fieldMissingFromAnOlderProducerReadsAsNull() throws IOException {
        ObjectNode json = sampleJson();
        payloadOf(json).remove("ownerName");

        ComplaintAssigned read = EventCodec.read(json.toString()).payloadAs(ComplaintAssigned.class);

        assertThat(read.ownerName()).isNull();
        assertThat(read.ownerId()).isEqualTo(SAMPLE.ownerId());
    }

    @Test
    void newerMajorVersionIsNotReadable() throws IOException {
        ObjectNode json = sampleJson();
        json.put("schemaVersion", "2.0");

        EventEnvelope read = EventCodec.read(json.toString());

        assertThat(read.majorVersion()).isEqualTo(2);
        assertThat(read.isReadable()).isFalse();
    }

    @Test
    void unknownTypeIsNotReadable() throws IOException {
        ObjectNode json = sampleJson();
        json.put("type", "ComplaintTeleported");

        EventEnvelope read = EventCodec.read(json.toString());

        assertThat(read.knownType()).isEmpty();
        assertThat(read.isReadable()).isFalse();
    }

    @Test
    void garbageIsMalformed() {
        assertThatThrownBy(() -> EventCodec.read("<html>502 Bad Gateway</html>"))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    @Test
    void envelopeWithoutAnEventIdIsMalformed() throws IOException {
        ObjectNode json = sampleJson();
        json.remove("eventId");

        assertThatThrownBy(() -> EventCodec.read(json.toString()))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    @Test
    void payloadOfTheWrongShapeIsMalformed() throws IOException {
        ObjectNode json = sampleJson();
        payloadOf(json).put("assignedAt", "yesterday");
        EventEnvelope read = EventCodec.read(json.toString());

        assertThatThrownBy(() -> read.payloadAs(ComplaintAssigned.class))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    private static ObjectNode sampleJson() throws IOException {
        return (ObjectNode) EventCodec.mapper()
                .readTree(EventCodec.write(SampleEvents.envelope(EventType.COMPLAINT_ASSIGNED)));
    }

    private static ObjectNode payloadOf(ObjectNode envelope) {
        return (ObjectNode) envelope.get("payload");
    }
}
