package io.tousu.quality;

import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the service published on {@code tousu.quality}. */
final class QualityTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<EventEnvelope> seen = new ArrayList<>();

    QualityTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(Topics.QUALITY));
    }

    /** Everything published so far about one complaint, in order. */
    List<EventEnvelope> about(UUID complaintId) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(EventCodec.read(r.value())));
        return seen.stream().filter(e -> complaintId.toString().equals(e.complaintId())).toList();
    }

    /** The types published about one complaint, in order. */
    List<String> types(UUID complaintId) {
        return about(complaintId).stream().map(EventEnvelope::type).toList();
    }

    /** The last event of a type about the complaint; fails when there is none. */
    EventEnvelope last(UUID complaintId, String type) {
        List<EventEnvelope> matching = about(complaintId).stream().filter(e -> e.type().equals(type)).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("no " + type + " about " + complaintId + " yet");
        }
        return matching.get(matching.size() - 1);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
