package io.tousu.testing;

import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the real broker the way a producing service would (or, with {@link #publishRaw},
 * the way a broken one would), waiting for each acknowledgement.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Publishes to the event's topic, keyed by its complaint id. */
    public void publish(EventEnvelope event) {
        publish(event, event.complaintId());
    }

    /** Publishes to the event's topic under a chosen key (same key: same partition, kept in order). */
    public void publish(EventEnvelope event, String key) {
        publishRaw(event.topic(), key, EventCodec.write(event));
    }

    /**
     * Publishes events to their topic under one key, sent together and acknowledged together: one
     * partition, one producer batch, so a consumer polls them at once (a batch of several records).
     */
    public void publishTogether(List<EventEnvelope> events, String key) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (EventEnvelope event : events) {
            sent.add(producer.send(new ProducerRecord<>(event.topic(), key, EventCodec.write(event))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : sent) {
            await(ack, events.get(0).topic());
        }
    }

    /** Publishes any text, e.g. a malformed record. */
    public void publishRaw(String topic, String key, String value) {
        await(producer.send(new ProducerRecord<>(topic, key, value)), topic);
    }

    private static void await(Future<RecordMetadata> ack, String topic) {
        try {
            ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
