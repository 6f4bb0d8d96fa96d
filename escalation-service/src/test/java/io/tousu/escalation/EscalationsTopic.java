package io.tousu.escalation;

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

/** Reads what the service published on {@code tousu.escalations} and {@code tousu.notifications}. */
final class EscalationsTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<EventEnvelope> seen = new ArrayList<>();

    EscalationsTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(Topics.ESCALATIONS, Topics.NOTIFICATIONS));
    }

    /** Everything published so far about one complaint, in order per topic. */
    List<EventEnvelope> about(String complaintId) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(EventCodec.read(r.value())));
        return seen.stream().filter(e -> complaintId.equals(e.complaintId())).toList();
    }

    /** Everything published so far about any of the complaints, in order per topic. */
    List<EventEnvelope> aboutAny(java.util.Collection<String> complaintIds) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(EventCodec.read(r.value())));
        java.util.Set<String> wanted = java.util.Set.copyOf(complaintIds);
        return seen.stream().filter(e -> wanted.contains(e.complaintId())).toList();
    }

    /** The types published about one complaint on {@code tousu.escalations}, in order. */
    List<String> escalationTypes(String complaintId) {
        return about(complaintId).stream().filter(e -> e.topic().equals(Topics.ESCALATIONS))
                .map(EventEnvelope::type).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
